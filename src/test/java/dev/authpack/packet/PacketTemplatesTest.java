package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Phase;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialOutcome;
import dev.authpack.completeness.CriterionStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sentence the packet templates ask for exists in the bundle, including those picked by enum value. */
class PacketTemplatesTest {

    static final Path DOCUMENTS = Path.of("templates/documents");
    static final Pattern KEY = Pattern.compile("#\\{(packet[\\w.]+)[}(]");

    static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(DOCUMENTS.resolve("messages/packet_en.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyMessageKeyOfThePacketTemplatesIsInTheBundle() throws IOException {
        Properties bundle = bundle();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            for (Path template : files.filter(f -> f.getFileName().toString().startsWith("packet")).toList()) {
                Matcher m = KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!bundle.containsKey(m.group(1))) {
                        unknown.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyEnumValueTheTemplatesLookUpHasASentence() throws IOException {
        Properties bundle = bundle();
        List<String> keys = new ArrayList<>();
        Stream.of(TrialOutcome.values()).forEach(v -> keys.add("packet.outcome." + v));
        Stream.of(CriterionStatus.values()).forEach(v -> keys.add("packet.status." + v));
        Stream.of(Treatment.values()).forEach(v -> keys.add("packet.treatment." + v));
        Stream.of(Phase.values()).forEach(v -> keys.add("packet.phase." + v));
        assertThat(keys).allMatch(bundle::containsKey);
    }
}
