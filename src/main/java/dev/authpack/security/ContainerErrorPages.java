package dev.authpack.security;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any filter runs (a request line with characters an
 * URL may not hold, a malformed header): its error page then carried none of our security headers.
 * This swaps Tomcat's error-report valve for one that sets them, and shows no report and no server
 * version. Under {@code /api/} it answers a problem+json, as every other API error is, instead of an
 * HTML page an API client cannot read. Runs after Spring Boot's own customizer, which adds the plain
 * valve.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                // or Tomcat adds its plain valve back when the host starts
                standard.setErrorReportValveClass(HeaderedErrorReportValve.class.getName());
            }
            host.getPipeline().addValve(new HeaderedErrorReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error page with the security headers every other answer has. Public: Tomcat may instantiate it by name. */
    public static class HeaderedErrorReportValve extends ErrorReportValve {

        public HeaderedErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() >= 400 && !response.isCommitted()) {
                SecurityHeaders.writeTo(response);
            }
            if (isApi(request) && response.getStatus() >= 400 && response.getContentWritten() == 0 && ioAllowed(response)
                    && response.setErrorReported()) {
                problem(response);
                return;
            }
            super.report(request, response, throwable);
        }

        private static boolean isApi(Request request) {
            // null when the request line itself could not be read: nothing then says it was an API call
            String uri = request.getRequestURI();
            return uri != null && uri.startsWith("/api/");
        }

        private static boolean ioAllowed(Response response) {
            AtomicBoolean allowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
            return allowed.get();
        }

        /** Tomcat refuses these before the application: mostly a URL it will not read (an encoded slash). */
        private static void problem(Response response) {
            int status = response.getStatus();
            String title = status == 400 ? "Bad request" : "Request not handled";
            String detail = status == 400
                    ? "The request's URL or headers could not be read: an encoded slash (%2F) or backslash in the "
                    + "path, a character a URL may not hold, or headers too large. Send ids as they appear in answers."
                    : "The server did not handle this request (status " + status + ").";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer was already started: nothing more to send
            }
        }
    }
}
