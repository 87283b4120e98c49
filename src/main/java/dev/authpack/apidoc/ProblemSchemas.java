package dev.authpack.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;

/**
 * RFC 9457 problem details as the API writes them. The members beyond the RFC's are documented
 * where they occur ({@code errors} on a 400, {@code report} on an incomplete case's 422); a
 * problem may carry others, as the RFC allows, so the schemas stay open.
 */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static void addTo(Components c) {
        c.addSchemas("Problem", problem("An error, as RFC 9457 problem details."));
        c.addSchemas("FieldError", Schemas.of("object", "One bad input value.")
                .addProperty("field", string("Where, in the JSON path notation of the contract, e.g. "
                        + "`medicationTrials[1].endDate`; empty for the body as a whole."))
                .addProperty("message", string("What is wrong with it."))
                .required(List.of("field", "message")));
        c.addSchemas("ValidationProblem", problem("Bad input: one `errors` entry per problem.")
                .addProperty("errors", Schemas.of("array", "One entry per bad value.").items(Schemas.ref("FieldError")))
                .required(List.of("title", "status", "errors")));
        c.addSchemas("IncompleteCaseProblem", problem("The case is not ready for this document: `report` is its "
                + "completeness report, naming what is missing or not met.")
                .addProperty("report", Schemas.ref("CompletenessReport"))
                .required(List.of("title", "status", "report")));
        c.addSchemas("PacketTooLargeProblem", problem("The packet would have more pages than the setting "
                + "`authpack.packets.max-pages` allows; checked before anything is rendered or merged.")
                .addProperty("pages", Schemas.of("integer", "The pages the packet would have."))
                .addProperty("maxPages", Schemas.of("integer", "The most a packet may have."))
                .required(List.of("title", "status", "pages", "maxPages")));
        c.addSchemas("PacketAttachmentsTooLargeProblem", problem("The case's attachments in place take more bytes "
                + "than the setting `authpack.attachments.max-case-bytes` allows one packet to merge; checked before "
                + "anything is rendered or merged.")
                .addProperty("attachmentBytes", Schemas.of("integer", "The stored bytes of the case's attachments."))
                .addProperty("maxAttachmentBytes", Schemas.of("integer", "The most a packet may merge."))
                .required(List.of("title", "status", "attachmentBytes", "maxAttachmentBytes")));
        c.addSchemas("PacketContentTooLargeProblem", problem("The attachments' pages decode to more drawing "
                + "instructions than the setting `authpack.packets.max-content-bytes` allows one packet to merge; "
                + "found during the merge, before the page past it is drawn.")
                .addProperty("maxContentBytes", Schemas.of("integer", "The most decoded page content a packet may merge."))
                .required(List.of("title", "status", "maxContentBytes")));
        c.addSchemas("PacketAttachmentTooDeepProblem", problem("An attachment's objects are linked too deeply to "
                + "be merged (forms nested thousands deep); found during the merge.")
                .addProperty("attachment", string("The attachment's title."))
                .required(List.of("title", "status", "attachment")));
        c.addSchemas("PacketRefusedProblem", new io.swagger.v3.oas.models.media.ComposedSchema()
                .oneOf(List.of(Schemas.ref("IncompleteCaseProblem"), Schemas.ref("PacketTooLargeProblem"),
                        Schemas.ref("PacketAttachmentsTooLargeProblem"), Schemas.ref("PacketContentTooLargeProblem"),
                        Schemas.ref("PacketAttachmentTooDeepProblem")))
                .description("Why no packet was made: the case is not ready, or the packet would be too large."));
    }

    private static Schema<Object> problem(String description) {
        return Schemas.of("object", description)
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the status says it all."))
                .addProperty("title", string("A short summary of the kind of problem."))
                .addProperty("status", Schemas.of("integer", "The HTTP status."))
                .addProperty("detail", string("What went wrong in this case, in words for people."))
                .addProperty("instance", string("The request path the problem is about."))
                .required(List.of("title", "status"));
    }

    private static Schema<Object> string(String description) {
        return Schemas.string(description);
    }
}
