package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.Problems;
import io.wellbase.platform.web.RequestIds;
import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Replaces Tomcat's HTML error page for the requests Tomcat refuses itself (a header block over the
 * limit, {@code %00} or an encoded slash in the path, an invalid URL): a problem with a code, a
 * request id and the security headers. Tomcat creates it by name, hence public.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestIds.HEADER, requestId);
            SecurityHeaders.apply(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status, requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile: nothing more to say
        }
    }

    static String json(int status, String requestId) {
        HttpStatus known = HttpStatus.resolve(status);
        String code = switch (status) {
            case 400 -> "request.malformed";
            case 404 -> "not_found";
            case 413 -> "request.too_large";
            case 414 -> "request.uri_too_long";
            case 431 -> "request.headers_too_large";
            default -> status >= 500 ? "internal_error" : "request.invalid";
        };
        String detail = status >= 500
                ? "Something went wrong on our side"
                : known == null ? "The request was refused" : known.getReasonPhrase();
        String type = Problems.TYPE_BASE + code.replace('.', '/').replace('_', '-');
        String title = String.valueOf(
                Problems.of(HttpStatusCode.valueOf(status), code, detail).getTitle());
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\",\"requestId\":\"" + requestId + "\"}";
    }
}
