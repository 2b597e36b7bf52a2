package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses control characters in query parameters, form fields, path variables and multipart file
 * names before a controller runs, so nothing is written or streamed for such a request.
 */
@Component
class ControlCharacterInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (ControlCharacters.contains(name) || ControlCharacters.contains(value)) {
                    errors.add(new ApiException.FieldError(printable(name), ControlCharacters.MESSAGE));
                    return;
                }
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && ControlCharacters.contains(text)) {
                    errors.add(new ApiException.FieldError(String.valueOf(name), ControlCharacters.MESSAGE));
                }
            });
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap().forEach((name, files) -> {
                for (MultipartFile file : files) {
                    if (ControlCharacters.contains(name) || ControlCharacters.contains(file.getOriginalFilename())) {
                        errors.add(
                                new ApiException.FieldError(printable(name), "file name " + ControlCharacters.MESSAGE));
                        return;
                    }
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                    errors);
        }
        return true;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
