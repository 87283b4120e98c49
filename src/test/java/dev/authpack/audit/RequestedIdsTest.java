package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestedIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "/api/v1/cases/2F1C3A9E-0B5D-4C1A-9E2B-7D4F6A8B9C0D/packet, 2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d, -, false",
            "/cases/2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d,                2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d, -, false",
            "/api/v1/documents/9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a,      -, 9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a, false",
            "/documents/9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a/pages/2,     -, 9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a, false",
            "/cases/not-a-case-id/edit,                                   -, -, false",
            "/cases/2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0dextra,            -, -, false",
            "/admin/users/north.billing/disable,                          -, -, false",
            "/cases/2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d/attachments/9E2B7D4F-6A8B-4C0D-8F1C-3A9E0B5D4C1A/restore, "
                    + "2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d, 9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a, true",
            "/api/v1/cases/2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d/attachments/9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a, "
                    + "2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d, 9e2b7d4f-6a8b-4c0d-8f1c-3a9e0b5d4c1a, true",
            "/api/v1/cases/2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d/attachments/removed, 2f1c3a9e-0b5d-4c1a-9e2b-7d4f6a8b9c0d, -, false"})
    void aRefusedRequestsRowNamesTheCaseOrDocumentItsPathAskedFor(String path, String caseId, String documentId,
                                                                   boolean attachment) {
        assertThat(RequestedIds.in(path)).isEqualTo(new RequestedIds(caseId, documentId, attachment));
    }
}
