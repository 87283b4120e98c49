package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.RawHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body whose HTTP framing is broken is the client's fault: 400 problem+json saying what to fix, and
 * no ERROR with a stack trace in the log (found by the HTTP-layer fuzz, tools/http-fuzz).
 */
@SharedServiceTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class BrokenBodyFramingTest {

    @LocalServerPort
    int port;

    @Test
    void aChunkedBodyWithABadChunkSizeIsA400AndNoErrorInTheLog(CapturedOutput output) throws IOException {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("north.billing:" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        int before = output.getAll().length();

        String answer = raw("POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "zz\r\n{}\r\n0\r\n\r\n");

        String logged = output.getAll().substring(before);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("its framing is broken", "Transfer-Encoding: chunked with hexadecimal chunk sizes");
        assertThat(logged).doesNotContain("Unexpected failure", " ERROR ");
    }

    private String raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
