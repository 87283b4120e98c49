package dev.authpack.rendering;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance's scratch folder ({@link ScratchSpace}), for PDF work and for uploads being read. */
@Configuration(proxyBeanMethods = false)
class ScratchConfiguration {

    @Bean(destroyMethod = "close")
    ScratchSpace scratchSpace(@Value("${authpack.scratch.dir:}") String dir) {
        return ScratchSpace.open(dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "authpack-scratch")
                : Path.of(dir));
    }

    /**
     * Spring Boot's multipart settings (spring.servlet.multipart.*), with uploads written to the scratch
     * folder instead of the container's folder in java.io.tmpdir, which a killed instance leaves behind
     * with the chart notes being uploaded in it. An explicit spring.servlet.multipart.location still wins.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, ScratchSpace scratch) {
        MultipartConfigElement configured = multipart.createMultipartConfig();
        String location = multipart.getLocation() != null && !multipart.getLocation().isBlank()
                ? configured.getLocation() : scratch.directory().toString();
        return new MultipartConfigElement(location, configured.getMaxFileSize(), configured.getMaxRequestSize(),
                configured.getFileSizeThreshold());
    }
}
