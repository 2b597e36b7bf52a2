package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Invoices: drafted, issued with the next number, paid, voided; numbers without gaps under concurrency; PDFs. */
class InvoicesIntegrationTests extends BillingTest {

    @Test
    void aDraftIsNumberedWhenIssuedAndPaidThroughAPayment() throws Exception {
        Owner owner = ownerWithOrganization("Invoices");
        api.put(
                "/api/v1/billing/settings",
                Map.of(
                        "invoicePrefix",
                        "WB-",
                        "taxRateBp",
                        1900,
                        "taxId",
                        "DE123456789",
                        "address",
                        "Lindenstraße 1\n10115 Berlin"),
                owner.token());
        UUID client = client(owner, "Ines");
        Api.Response draft = api.post(
                "/api/v1/invoices",
                Map.of(
                        "clientId",
                        client,
                        "lines",
                        List.of(Map.of("description", "Personal training", "quantity", 2, "unitAmount", 5950))),
                owner.token());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.field("status")).isEqualTo("draft");
        assertThat(draft.json().path("number").isMissingNode()
                        || draft.json().path("number").isNull())
                .isTrue();
        // 119.00 including 19 % tax: 100.00 net, 19.00 tax
        assertThat(draft.field("total")).isEqualTo("11900");
        assertThat(draft.field("tax")).isEqualTo("1900");
        UUID id = draft.id();
        Api.Response unpaidDraft = pay(owner, Map.of("invoiceId", id, "method", "cash"), null);
        assertThat(unpaidDraft.status()).isEqualTo(409);
        assertThat(unpaidDraft.field("code")).isEqualTo("billing.invoice_wrong_status");
        Api.Response issued = api.post("/api/v1/invoices/" + id + "/issue", Map.of(), owner.token());
        assertThat(issued.field("status")).isEqualTo("open");
        assertThat(issued.field("number")).matches("WB-\\d{4}-00001");
        assertThat(api.post("/api/v1/invoices/" + id + "/issue", Map.of(), owner.token())
                        .status())
                .isEqualTo(409);
        Api.Response paid = pay(owner, Map.of("invoiceId", id, "method", "bank_transfer"), null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/invoices/" + id, owner.token()).field("status"))
                .isEqualTo("paid");
        assertThat(api.get("/api/v1/invoices?clientId=" + client, owner.token())
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(api.post("/api/v1/invoices/" + id + "/void", Map.of(), owner.token())
                        .status())
                .isEqualTo(409);
        String text = pdfText("/api/v1/invoices/" + id + "/pdf", owner.token());
        assertThat(text)
                .contains(
                        "Invoices",
                        "WB-",
                        "00001",
                        "DE123456789",
                        "Personal training",
                        "119.00 EUR",
                        "Tax 19 % 19.00 EUR");
    }

    @Test
    void concurrentPaymentsTakeInvoiceNumbersWithoutGaps() throws Exception {
        Owner owner = ownerWithOrganization("Numbering");
        UUID client = client(owner, "Nia");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            tasks.add(() -> pay(
                            owner,
                            Map.of(
                                    "amount",
                                    1000 + n,
                                    "description",
                                    "Drop-in " + n,
                                    "clientId",
                                    client,
                                    "method",
                                    "cash"),
                            null)
                    .status());
        }
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(201);
            }
        }
        List<Integer> seqs = jdbc.sql("SELECT seq FROM invoices WHERE org_id = :o AND kind = 'invoice' ORDER BY seq")
                .param("o", owner.orgId())
                .query(Integer.class)
                .list();
        assertThat(seqs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void aClientSeesOnlyTheirOwnInvoicesAndNothingIsDueTwice() throws Exception {
        Owner owner = ownerWithOrganization("Portal invoices");
        String email = uniqueEmail("ivy");
        UUID ivy = api.post(
                        "/api/v1/clients", Map.of("firstName", "Ivy", "lastName", "Own", "email", email), owner.token())
                .id();
        String token = portalToken(owner, ivy, email);
        UUID other = client(owner, "Otto");
        pay(owner, Map.of("amount", 2000, "description", "Mine", "clientId", ivy, "method", "cash"), null);
        pay(owner, Map.of("amount", 3000, "description", "Theirs", "clientId", other, "method", "cash"), null);
        api.post(
                "/api/v1/invoices",
                Map.of("clientId", ivy, "lines", List.of(Map.of("description", "Not yet", "unitAmount", 100))),
                owner.token());
        Api.Response mine = api.get("/api/v1/portal/invoices", token);
        assertThat(mine.field("pagination.total")).isEqualTo("1");
        assertThat(mine.json().path("data")).hasSize(1);
        UUID own = UUID.fromString(mine.json().path("data").get(0).path("id").asString());
        assertThat(pdfText("/api/v1/portal/invoices/" + own + "/pdf", token)).contains("20.00 EUR");
        UUID theirs = UUID.fromString(api.get("/api/v1/invoices?clientId=" + other, owner.token())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString());
        assertThat(api.get("/api/v1/portal/invoices/" + theirs + "/pdf", token).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/invoices", token).status()).isEqualTo(403);
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        UUID membership = api.post(
                        "/api/v1/clients/" + ivy + "/memberships",
                        Map.of("planId", plan, "paymentMethod", "cash"),
                        owner.token())
                .id();
        Api.Response nothing = pay(owner, Map.of("membershipId", membership, "method", "cash"), null);
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.field("code")).isEqualTo("billing.nothing_due");
    }

    @Test
    void aFailedPaymentCannotBeRefunded() {
        Owner owner = connectedOwner("Not refundable");
        UUID client = client(owner, "Fay");
        Api.Response declined = pay(
                owner,
                Map.of(
                        "amount",
                        900,
                        "description",
                        "x",
                        "clientId",
                        client,
                        "method",
                        "card",
                        "paymentMethodId",
                        "pm_card_declined"),
                null);
        UUID payment = UUID.fromString(declined.field("paymentId"));
        Api.Response refund = api.post("/api/v1/payments/" + payment + "/refund", Map.of(), owner.token());
        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.field("code")).isEqualTo("billing.payment_not_refundable");
    }

    private String pdfText(String path, String token) throws Exception {
        return io.wellbase.support.PdfDownloads.text(port, path, token);
    }
}
