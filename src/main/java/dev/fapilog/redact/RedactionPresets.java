package dev.fapilog.redact;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named compliance redaction presets: field names (masked at any depth of {@code data} by {@code field-mask}) and
 * case-insensitive key-path patterns (matched by {@code regex-mask}). This build ships {@code CREDENTIALS}; the other
 * fapilog presets ({@code PCI_DSS}, {@code HIPAA_PHI}, {@code GDPR_PII}, {@code GDPR_PII_UK}, {@code CCPA_PII} and
 * their building blocks) are recognised by name and reported as not yet available.
 */
public final class RedactionPresets {

    /**
     * One preset.
     *
     * @param name the configuration name
     * @param fields exact key names to mask
     * @param patterns case-insensitive regular expressions over the dotted key path
     */
    public record RedactionPreset(String name, List<String> fields, List<String> patterns) {}

    /** Secrets and credentials: passwords, tokens, keys, sessions, cookies, one-time codes. */
    public static final RedactionPreset CREDENTIALS = new RedactionPreset(
            "CREDENTIALS",
            List.of(
                    "password",
                    "passwd",
                    "pwd",
                    "pass",
                    "secret",
                    "api_secret",
                    "client_secret",
                    "shared_secret",
                    "token",
                    "access_token",
                    "refresh_token",
                    "auth_token",
                    "bearer_token",
                    "jwt",
                    "api_key",
                    "apikey",
                    "api_token",
                    "private_key",
                    "secret_key",
                    "signing_key",
                    "encryption_key",
                    "authorization",
                    "auth_header",
                    "session_id",
                    "session_token",
                    "session_key",
                    "cookie",
                    "session_cookie",
                    "auth_cookie",
                    "otp",
                    "totp",
                    "mfa_code",
                    "verification_code"),
            List.of(
                    "(?i).*password.*",
                    "(?i).*passwd.*",
                    "(?i).*\\bsecret\\b.*",
                    "(?i).*\\btoken\\b.*",
                    "(?i).*api.?key.*",
                    "(?i).*private.?key.*",
                    "(?i).*auth.*",
                    "(?i).*\\botp\\b.*"));

    private static final Map<String, RedactionPreset> AVAILABLE = Map.of(CREDENTIALS.name(), CREDENTIALS);

    private static final Set<String> PLANNED = Set.of(
            "PCI_DSS",
            "HIPAA_PHI",
            "GDPR_PII",
            "GDPR_PII_UK",
            "CCPA_PII",
            "CONTACT_INFO",
            "PERSONAL_IDENTIFIERS",
            "ONLINE_IDENTIFIERS",
            "FINANCIAL_IDENTIFIERS",
            "US_GOVERNMENT_IDS",
            "UK_GOVERNMENT_IDS",
            "EU_GOVERNMENT_IDS");

    private RedactionPresets() {}

    /** The preset with this name (case-insensitive), if this build has it. */
    public static Optional<RedactionPreset> find(String name) {
        return Optional.ofNullable(AVAILABLE.get(name.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Names of the presets this build has. */
    public static Set<String> available() {
        return AVAILABLE.keySet();
    }

    /** Whether {@code name} is a fapilog preset that this build does not have yet. */
    public static boolean isPlanned(String name) {
        return PLANNED.contains(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
