package io.wellbase.platform.internal.web;

import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method the caller's {@link CurrentOrganization}: 401 when nobody is signed in,
 * 403 when the token is scoped to no organization. Like the caller, it only ever comes from the token.
 */
class CurrentOrganizationArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CurrentOrganization.class);
    }

    @Override
    public CurrentOrganization resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return CurrentOrganization.of(Caller.current());
    }
}
