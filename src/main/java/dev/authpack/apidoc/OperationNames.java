package dev.authpack.apidoc;

import io.swagger.v3.oas.models.Operation;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Stable operation ids and tags for every endpoint, derived from its controller, so generated
 * clients get readable method names ({@code caseCreate}, {@code packetGenerate}) that do not
 * depend on the order controllers are scanned in, and the UI groups endpoints by feature. An
 * explicit {@code @Operation(operationId = ...)} or {@code @Tag} on a controller still wins.
 */
@Component
class OperationNames implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String feature = feature(handler.getBeanType().getSimpleName());
        if (operation.getOperationId() == null || operation.getOperationId().equals(handler.getMethod().getName())) {
            operation.setOperationId(lowerFirst(feature) + upperFirst(handler.getMethod().getName()));
        }
        if (operation.getTags() == null || operation.getTags().stream().allMatch(t -> t.endsWith("-controller"))) {
            operation.setTags(List.of(feature));
        }
        return operation;
    }

    /** {@code CaseApiController} → {@code Case}, {@code PacketController} → {@code Packet}. */
    static String feature(String controller) {
        return controller.replaceFirst("(Api)?Controller$", "");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
