package dev.authpack.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * A value that cannot be converted to its parameter at all (a file sent for a text field, by a script or an edited
 * form) on a page whose controller no advice serves: the administration's users, clinics and audit log live below
 * this package (security, audit) and cannot be {@link PageController}s. Spring answers it 500, "the server's fault"
 * (ConversionNotSupportedException); it is the sender's mistake, nothing was done: the 400 page, as
 * {@link PageErrorHandler} answers a page controller's. So is a multipart body that does not parse at all (no
 * boundary, cut off): Spring reads it for the first parameter and gave these pages the 500 problem; it is the 400
 * page here too (413 for one over the upload limit), as {@link PageErrorHandler#unreadableUpload} answers it. Tried
 * after the controller advices, so the API's problem answers and the page controllers' own pages still come first.
 */
@Configuration(proxyBeanMethods = false)
class UnconvertibleValuePages implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        int advices = 0;
        while (advices < resolvers.size() && !(resolvers.get(advices) instanceof ExceptionHandlerExceptionResolver)) {
            advices++;
        }
        resolvers.add(Math.min(advices + 1, resolvers.size()), (request, response, handler, e) -> {
            if (!(e instanceof MethodArgumentConversionNotSupportedException) && !(e instanceof MultipartException)) {
                return null;
            }
            ModelAndView page = new ModelAndView(PageErrorHandler.ERROR_VIEW);
            page.setStatus(e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.BAD_REQUEST);
            return page;
        });
    }
}
