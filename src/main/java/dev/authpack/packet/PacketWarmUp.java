package dev.authpack.packet;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.FictitiousCase;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.generation.GenerationPool;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a few packets of a fictitious case at start-up and throws them away, so the first clerk's
 * packet does not pay for class loading, font parsing, template parsing and cold code (~1 s before).
 * Nothing is stored or audited: only the rendering path runs, on the generation pool, while the rest
 * of the application starts. Health and readiness report OUT_OF_SERVICE until it is done, so a load
 * balancer sends no traffic to a cold instance; a failed warm-up is logged and does not keep the instance out.
 */
@Component("packetWarmUp")
class PacketWarmUp implements SmartInitializingSingleton, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PacketWarmUp.class);

    private final CompletenessService completeness;
    private final PacketViewFactory views;
    private final PacketAssembler assembler;
    private final GenerationPool generation;
    private final JsonMapper json;
    private final int packets;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();

    PacketWarmUp(CompletenessService completeness, PacketViewFactory views, PacketAssembler assembler,
                 GenerationPool generation, JsonMapper json,
                 @Value("${authpack.generation.warm-up-packets:4}") int packets) {
        this.completeness = completeness;
        this.views = views;
        this.assembler = assembler;
        this.generation = generation;
        this.json = json;
        this.packets = packets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread thread = new Thread(this::warmUp, "packet-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        long start = System.nanoTime();
        int rendered = 0;
        try {
            CaseData data = FictitiousCase.read(json);
            PacketView view = views.build(data, completeness.check(data), List.of(), false);
            for (int i = 0; i < packets; i++) {
                generation.run(() -> assembler.assemble(view, List.of(), Integer.MAX_VALUE, Integer.MAX_VALUE));
                rendered++;
            }
            log.info("Warm-up rendered {} packets in {} ms; nothing was stored", rendered,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.warn("Warm-up stopped after {} packets ({}); the first packets will be slower", rendered,
                    e.getClass().getName());
        } finally {
            done.complete(rendered);
        }
    }

    /** Completes with the number of packets rendered once the warm-up has finished or given up. */
    CompletableFuture<Integer> done() {
        return done;
    }

    @Override
    public Health health() {
        return done.isDone() ? Health.up().build() : Health.outOfService().build();
    }
}
