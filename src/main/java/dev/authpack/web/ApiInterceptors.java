package dev.authpack.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The checks every API call passes before its controller runs. */
@Configuration(proxyBeanMethods = false)
class ApiInterceptors implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptCheckedBeforeWrites()).addPathPatterns("/api/**");
    }
}
