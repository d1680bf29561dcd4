package dev.fapilog.sink.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * fapilog's webhook signature: {@code X-Fapilog-Timestamp: <unix seconds>} and
 * {@code X-Fapilog-Signature-256: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A receiver recomputes it
 * over the body it got and rejects a request whose timestamp is more than its replay tolerance (fapilog: 300 s) away
 * from its own clock ({@link #verify}). One instance per sink thread: {@link Mac} is not thread-safe.
 */
final class WebhookSignature {
    static final String TIMESTAMP = "X-Fapilog-Timestamp";
    static final String SIGNATURE = "X-Fapilog-Signature-256";

    private final Mac mac;

    WebhookSignature(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", missing);
        }
    }

    /** The value of {@link #SIGNATURE} for a body sent at {@code unixSeconds}. */
    String sign(long unixSeconds, byte[] body) {
        mac.reset();
        mac.update(Long.toString(unixSeconds).getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        return "sha256=" + hex(mac.doFinal(body));
    }

    /**
     * The receiver's check: the timestamp within {@code toleranceSeconds} of {@code nowSeconds}, and the signature
     * equal, compared in constant time.
     */
    boolean verify(String timestamp, String signature, byte[] body, long nowSeconds, long toleranceSeconds) {
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (RuntimeException notANumber) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(ts, body).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        String digits = "0123456789abcdef";
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits.charAt((bytes[i] >> 4) & 0xf);
            out[2 * i + 1] = digits.charAt(bytes[i] & 0xf);
        }
        return new String(out);
    }
}
