package dev.authpack.security;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any filter runs (a request line with characters an
 * URL may not hold, a malformed header): its error page then carried none of our security headers.
 * This swaps Tomcat's error-report valve for one that sets them, and shows no report and no server
 * version. Runs after Spring Boot's own customizer, which adds the plain valve.
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
            super.report(request, response, throwable);
        }
    }
}
