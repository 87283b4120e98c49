package dev.authpack.packet;

import dev.authpack.casefile.CaseData;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The real packet pipeline over the real templates, without Spring or a database. */
final class PacketFixtures {

    /** The working tree's templates, or another copy to compare against ({@code -Dbench.templates=DIR}). */
    static final Path TEMPLATES = Path.of(System.getProperty("bench.templates", "templates"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();

    final PdfRenderer renderer;
    final CompletenessService completeness;
    final PacketViewFactory views;
    final PacketAssembler assembler;

    PacketFixtures(boolean accessible) {
        this(TEMPLATES, accessible);
    }

    PacketFixtures(Path templates, boolean accessible) {
        TemplatesProperties props = new TemplatesProperties(templates);
        DiagnosisCodes codes = new DiagnosisCodes(props);
        DrugCatalog drugs = new DrugCatalog(props);
        PolicyCatalog policies = new PolicyCatalog(props, codes);
        renderer = PdfRenderer.create(templates, accessible);
        completeness = new CompletenessService(policies, drugs, codes, CLOCK);
        views = new PacketViewFactory(policies, codes, drugs, CLOCK);
        assembler = new PacketAssembler(renderer);
    }

    static CaseData sample(String name) {
        return JSON.readValue(Samples.text(name), CaseData.class);
    }

    RenderedPdf packet(CaseData data, boolean exception, List<PacketAssembler.Enclosure> attachments) throws IOException {
        CompletenessReport report = completeness.check(data);
        PacketView view = views.build(data, report, attachments.stream().map(PacketAssembler.Enclosure::title).toList(),
                exception);
        return assembler.assemble(view, attachments, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
