package dev.authpack.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The checks every API call (and, for large bodies, every page upload; for a multipart body, every page) passes
 * before its controller runs.
 */
@Configuration(proxyBeanMethods = false)
class ApiInterceptors implements WebMvcConfigurer {

    private final LargeBodyAdmission largeBodies;

    ApiInterceptors(LargeBodyAdmission largeBodies) {
        this.largeBodies = largeBodies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptCheckedBeforeWrites()).addPathPatterns("/api/**");
        // after the Accept check, so a request answered 406 never waits for heap; pages too (uploads)
        registry.addInterceptor(largeBodies);
        // after the heap for an upload is reserved; pages only, the API answers its bodies itself
        registry.addInterceptor(new MultipartReadBeforePages()).excludePathPatterns("/api/**");
    }
}
