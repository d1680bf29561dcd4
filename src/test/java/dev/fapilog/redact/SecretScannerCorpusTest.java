package dev.fapilog.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.redact.SecretScanner.Finding;
import dev.fapilog.redact.SecretScanner.Kind;
import dev.fapilog.support.TestCards;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the value scanner over a labelled corpus: true secrets of every kind, in several formats and embedded in
 * text, and decoys that look like them (ISBNs, order numbers, UUIDs, timestamps, random non-Luhn card-like numbers).
 * Prints per-detector true/false positives and negatives; recall must be 100% and there must be no false positive.
 */
class SecretScannerCorpusTest {

    private record Sample(String text, Kind kind, String secret) {}

    @Test
    void recallIsCompleteAndThereAreNoFalsePositivesOnTheCorpus() {
        List<Sample> truths = truths();
        List<String> decoys = decoys();
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class); // tp, fp, fn
        for (Kind k : Kind.values()) {
            counts.put(k, new int[3]);
        }
        List<String> misses = new ArrayList<>();
        for (Sample s : truths) {
            List<Finding> found = SecretScanner.find(s.text());
            int at = s.text().indexOf(s.secret());
            boolean hit = found.stream()
                    .anyMatch(f -> f.kind() == s.kind()
                            && f.start() <= at
                            && f.end() >= at + s.secret().length());
            counts.get(s.kind())[hit ? 0 : 2]++;
            if (!hit) {
                misses.add(s.kind() + " missed in: " + s.text() + " (found " + found + ")");
            }
            for (Finding f : found) {
                boolean covers = f.start() <= at && f.end() >= at + s.secret().length();
                if (!covers && !(f.start() >= at && f.end() <= at + s.secret().length())) {
                    counts.get(f.kind())[1]++;
                    misses.add(f.kind() + " false positive in: " + s.text() + " at " + f);
                }
            }
        }
        for (String d : decoys) {
            for (Finding f : SecretScanner.find(d)) {
                counts.get(f.kind())[1]++;
                misses.add(f.kind() + " false positive in decoy: " + d + " -> " + d.substring(f.start(), f.end()));
            }
        }
        StringBuilder report = new StringBuilder(
                "detector      TP   FP   FN   (" + truths.size() + " secrets, " + decoys.size() + " decoys)\n");
        counts.forEach((k, c) -> report.append(String.format("%-12s %4d %4d %4d%n", k, c[0], c[1], c[2])));
        System.out.println(report);
        assertThat(misses).as(report.toString()).isEmpty();
        assertThat(counts.get(Kind.CARD)[0]).isGreaterThanOrEqualTo(40);
    }

    @Test
    void maskingReplacesOnlyTheSecrets() {
        String s = "paid with 4111 1111 1111 1111 by alice@example.com, header Bearer abcDEF123456ghiJKL; order 42";
        assertThat(SecretScanner.mask(s, "***")).isEqualTo("paid with *** by ***, header Bearer ***; order 42");
        String clean = "nothing to see in order 9780306406157";
        assertThat(SecretScanner.mask(clean, "***")).isSameAs(clean);
    }

    private static List<Sample> truths() {
        List<Sample> out = new ArrayList<>();
        // Cards: valid check digits generated for each network's prefixes and lengths, in three layouts.
        String[][] networks = {
            {"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"},
            {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"644", "16"}, {"622126", "16"}, {"3528", "16"},
            {"3589", "19"}, {"300", "14"}, {"36", "14"}, {"38", "16"}, {"62", "16"}, {"50", "16"}, {"67", "19"}
        };
        SplittableRandom random = new SplittableRandom(42);
        for (String[] n : networks) {
            String card = TestCards.card(n[0], Integer.parseInt(n[1]), random);
            out.add(new Sample(card, Kind.CARD, card));
            out.add(new Sample(
                    "card " + TestCards.grouped(card, ' ') + " declined", Kind.CARD, TestCards.grouped(card, ' ')));
            out.add(new Sample("pan=" + TestCards.grouped(card, '-') + ";", Kind.CARD, TestCards.grouped(card, '-')));
        }
        for (String email : List.of(
                "alice@example.com",
                "bob.smith+tag@mail.example.co.uk",
                "x_y-z@sub-domain.example.org",
                "Ops.Team@Example.IO")) {
            out.add(new Sample("contact " + email + " today", Kind.EMAIL, email));
        }
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ijo"
                + "xNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        out.add(new Sample(jwt, Kind.JWT, jwt));
        out.add(new Sample("session token=" + jwt + " expired", Kind.JWT, jwt));
        out.add(new Sample("Authorization: Bearer abcDEF123456ghiJKL", Kind.BEARER, "abcDEF123456ghiJKL"));
        out.add(new Sample(
                "sent bearer  tok_9f8e7d6c5b4a3.x~y+z/w= upstream", Kind.BEARER, "tok_9f8e7d6c5b4a3.x~y+z/w="));
        for (String key : List.of(
                "AKIAIOSFODNN7EXAMPLE",
                "ASIAY34FZKBOKMUTVV7A",
                "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A",
                "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab",
                "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
                "AIza" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")) {
            out.add(new Sample("key " + key + " leaked", Kind.CLOUD_KEY, key));
        }
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "-----END PRIVATE KEY-----";
        out.add(new Sample("key:\n" + pem + "\nend", Kind.PRIVATE_KEY, pem));
        String rsa = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgH\n"
                + "-----END RSA PRIVATE KEY-----";
        out.add(new Sample(rsa, Kind.PRIVATE_KEY, rsa));
        return out;
    }

    private static List<String> decoys() {
        List<String> out = new ArrayList<>(List.of(
                "ISBN 9780306406157",
                "ISBN 978-0-306-40615-7",
                "ISBN-10 0306406152",
                "order ORD-2024-000123456",
                "order 1234567890123 shipped",
                "invoice 20261124000017",
                "123e4567-e89b-12d3-a456-426614174000",
                "at 2026-11-24T02:17:11.819Z took 1795488634918 ms",
                "from 192.168.0.1 to 10.0.0.255:8080",
                "version 1.2.3 build@1.2.3 user@localhost",
                "call +1 (555) 123-4567 or 555-123-4567",
                "commit 3f786850e387550fdab836ed7e6dc881de23001b",
                "header eyJhbGciOiJIUzI1NiJ9 alone",
                "the bearer of bad news; Bearer token",
                "AKIA is not a key; AKIAabcdefghijklmnop lower case",
                "sk_test_short and ghp_short and xoxb-",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
                "price 4111.11 EUR, qty 1111"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            out.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < 1000; i++) {
            // Card-like: a real issuer prefix and length, but a wrong check digit.
            String valid = TestCards.card(random.nextBoolean() ? "4" : "55", 16, random);
            int last = valid.charAt(15) - '0';
            String wrong = valid.substring(0, 15) + (char) ('0' + (last + 1 + random.nextInt(9)) % 10);
            out.add("ref " + wrong);
        }
        return out;
    }
}
