package dev.fapilog.examples.se;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fapilog.DrainResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void theDemoLogsEveryEventAndDrainsClean() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        DrainResult r;
        try {
            r = Demo.run();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(8, r.delivered(), r.summary());
        assertEquals(0, r.pending());
        assertTrue(r.stats().balanced());
        assertTrue(text.contains("orders | Processing request | user_id=123 request_id=req-7f3a amount=9.5"), text);
        assertTrue(text.contains("Sending receipt | request_id=req-7f3a"), text);
        assertTrue(text.contains("error=\"java.lang.IllegalStateException: card declined\""), text);
        assertEquals(8, text.lines().count(), text);
    }
}
