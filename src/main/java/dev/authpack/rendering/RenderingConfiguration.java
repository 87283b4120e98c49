package dev.authpack.rendering;

import dev.authpack.content.TemplatesProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderingConfiguration {

    @Bean
    PdfRenderer pdfRenderer(TemplatesProperties templates,
                            @Value("${authpack.documents.accessible:true}") boolean accessible) {
        return PdfRenderer.create(templates.dir(), accessible);
    }
}
