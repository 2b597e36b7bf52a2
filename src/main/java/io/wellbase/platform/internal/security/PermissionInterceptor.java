package io.wellbase.platform.internal.security;

import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresPermission} on every endpoint before it runs. An API key reaches only endpoints that
 * name a permission (its scopes are permissions): personal endpoints (profile, sign-in, preferences, inbox) need a
 * person.
 */
@Configuration(proxyBeanMethods = false)
class PermissionInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
            if (required != null) {
                Caller.current().require(required.value());
            } else {
                Caller.currentIfAny().ifPresent(Caller::requirePerson);
            }
        }
        return true;
    }
}
