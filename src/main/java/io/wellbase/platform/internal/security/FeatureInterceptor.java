package io.wellbase.platform.internal.security;

import io.wellbase.platform.plans.PlanGate;
import io.wellbase.platform.plans.PlanRefusal;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link RequiresFeature} after the permission check: the organization's tier must include the
 * feature. Without a {@link PlanGate} (no billing tiers) everything is unlocked.
 */
@Configuration(proxyBeanMethods = false)
class FeatureInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final ObjectProvider<PlanGate> gate;

    FeatureInterceptor(ObjectProvider<PlanGate> gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(10);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresFeature required = method.getMethodAnnotation(RequiresFeature.class);
            if (required == null) {
                required = method.getBeanType().getAnnotation(RequiresFeature.class);
            }
            if (required != null) {
                var organization = Caller.current().requireOrganization();
                if (!gate.getIfAvailable(() -> PlanGate.UNLOCKED).allows(organization, required.value())) {
                    throw PlanRefusal.featureUnavailable(required.value());
                }
            }
        }
        return true;
    }
}
