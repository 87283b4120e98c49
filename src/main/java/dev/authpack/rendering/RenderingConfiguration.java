package dev.authpack.rendering;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderingConfiguration {

    @Bean
    PdfRenderer pdfRenderer(DocumentTemplatesProperties properties,
                            @Value("${authpack.documents.accessible:true}") boolean accessible) {
        return PdfRenderer.create(properties.dir(), accessible);
    }
}
