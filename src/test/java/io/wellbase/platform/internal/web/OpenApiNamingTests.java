package io.wellbase.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The naming and status rules of the OpenAPI customizers, on handlers shaped like the real ones:
 * factories called directly, through a private helper, in a lambda, or by {@code HttpStatus}.
 */
class OpenApiNamingTests {

    static class BookingsController {

        ResponseEntity<String> create() {
            return ResponseEntity.created(URI.create("/x/1")).body("x");
        }

        ResponseEntity<String> submit() {
            return accepted("job");
        }

        ResponseEntity<Void> cancel() {
            return ResponseEntity.noContent().build();
        }

        ResponseEntity<String> feed() {
            return ResponseEntity.status(HttpStatus.CREATED).body("x");
        }

        ResponseEntity<String> find(Optional<String> value) {
            return value.map(v -> ResponseEntity.ok(v))
                    .orElseGet(() -> ResponseEntity.accepted().body("later"));
        }

        String list() {
            return "";
        }

        ResponseEntity<String> conflict() {
            return ResponseEntity.status(HttpStatus.CONFLICT).body("x");
        }

        private static ResponseEntity<String> accepted(String job) {
            return ResponseEntity.accepted()
                    .location(URI.create("/jobs/" + job))
                    .body(job);
        }

        record Item(String name) {}
    }

    static class Other {

        record Item(String label) {}
    }

    private static Method method(String name) {
        for (Method method : BookingsController.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void readsTheStatusesAHandlerAnswersFromItsCode() {
        assertThat(SuccessStatuses.of(method("create"))).isEqualTo(new SuccessStatuses.Answer(Set.of(201), true));
        assertThat(SuccessStatuses.of(method("submit"))).isEqualTo(new SuccessStatuses.Answer(Set.of(202), true));
        assertThat(SuccessStatuses.of(method("cancel"))).isEqualTo(new SuccessStatuses.Answer(Set.of(204), false));
        assertThat(SuccessStatuses.of(method("feed")).statuses()).containsExactly(201);
        assertThat(SuccessStatuses.of(method("find")).statuses()).containsExactlyInAnyOrder(200, 202);
        assertThat(SuccessStatuses.of(method("list")).statuses()).isEmpty();
        assertThat(SuccessStatuses.of(method("conflict")).statuses()).isEmpty();
    }

    @Test
    void namesOperationsAfterResourceAndHandler() {
        assertThat(OperationDetails.operationId(BookingsController.class, method("create")))
                .isEqualTo("bookingsCreate");
        assertThat(OperationDetails.operationId(BookingsController.class, method("list")))
                .isEqualTo("bookingsList");
    }

    @Test
    void prefixesOnlySharedSimpleNames() {
        SchemaNames names = new SchemaNames(Set.of("Item"));
        assertThat(names.getNameOfClass(BookingsController.Item.class)).isEqualTo("BookingsItem");
        assertThat(names.getNameOfClass(Other.Item.class)).isEqualTo("OtherItem");
        assertThat(names.getNameOfClass(SuccessStatuses.Answer.class)).isEqualTo("Answer");
    }
}
