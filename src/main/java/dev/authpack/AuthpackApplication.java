package dev.authpack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthpackApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthpackApplication.class, args);
    }
}
