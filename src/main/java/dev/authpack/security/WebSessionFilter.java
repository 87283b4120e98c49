package dev.authpack.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;

/**
 * Spring Session's filter as Spring Boot sets it up (the database's session store, the cookie from
 * {@code server.servlet.session.cookie.*}), with two changes it has no setting for: the store gives up a
 * save whose row is held ({@link LockTolerantSessions}) and the API does not read the cookie
 * ({@link PagesOnlySessionIds}). The filter takes its store only when it is made, so it is made again here.
 */
@Component
class WebSessionFilter implements BeanPostProcessor {

    private final ObjectProvider<SessionRepository<? extends Session>> sessions;
    private final ObjectProvider<CookieSerializer> cookies;

    WebSessionFilter(ObjectProvider<SessionRepository<? extends Session>> sessions,
                     ObjectProvider<CookieSerializer> cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SessionRepositoryFilter<?>) {
            return filter(sessions.getObject());
        }
        return bean;
    }

    private <S extends Session> SessionRepositoryFilter<S> filter(SessionRepository<S> store) {
        SessionRepositoryFilter<S> filter = new SessionRepositoryFilter<>(new LockTolerantSessions<>(store));
        CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
        cookie.setCookieSerializer(cookies.getObject());
        filter.setHttpSessionIdResolver(new PagesOnlySessionIds(cookie));
        return filter;
    }
}
