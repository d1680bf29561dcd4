package dev.fapilog.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named, composable compliance redaction presets (fapilog's thirteen): field names (masked at any depth of
 * {@code data} by {@code field-mask}), case-insensitive key-path patterns (matched by {@code regex-mask}), and for
 * {@code PCI_DSS} the value scanner ({@code value-scan}), because card numbers also turn up inside messages and free
 * text. A preset may extend others; {@link #resolve(String)} gives the union. Immutable and thread-safe.
 *
 * <pre>{@code
 * RedactionPresets.all();                          // every preset, with its fields, patterns, parents and tags
 * RedactionPresets.resolve("GDPR_PII").fields();   // everything GDPR_PII masks, building blocks included
 * }</pre>
 */
public final class RedactionPresets {

    /**
     * One preset, as declared (without what it inherits; see {@link #resolve(String)}).
     *
     * @param name the configuration name
     * @param fields exact key names to mask
     * @param patterns case-insensitive regular expressions over the dotted key path
     * @param parents presets this one extends
     * @param tags what it is about: regulation, region, kind of data
     * @param scanValues whether it needs the value scanner ({@code value-scan})
     */
    public record RedactionPreset(
            String name,
            List<String> fields,
            List<String> patterns,
            List<String> parents,
            List<String> tags,
            boolean scanValues) {}

    /** Secrets and credentials: passwords, tokens, keys, sessions, cookies, one-time codes. */
    public static final RedactionPreset CREDENTIALS = preset(
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
                    "(?i).*\\botp\\b.*"),
            List.of(),
            List.of("security"));

    public static final RedactionPreset CONTACT_INFO = preset(
            "CONTACT_INFO",
            List.of(
                    "email",
                    "e_mail",
                    "email_address",
                    "phone",
                    "phone_number",
                    "telephone",
                    "mobile",
                    "cell",
                    "fax",
                    "address",
                    "street",
                    "street_address",
                    "postal_address",
                    "postcode",
                    "postal_code",
                    "zipcode",
                    "zip_code",
                    "zip",
                    "city",
                    "town",
                    "state",
                    "province",
                    "country"),
            patterns(".*email.*", ".*phone.*", ".*mobile.*", ".*address.*", ".*postcode.*", ".*zipcode.*"),
            List.of(),
            List.of("pii", "contact"));

    public static final RedactionPreset PERSONAL_IDENTIFIERS = preset(
            "PERSONAL_IDENTIFIERS",
            List.of(
                    "name",
                    "first_name",
                    "last_name",
                    "full_name",
                    "surname",
                    "given_name",
                    "middle_name",
                    "maiden_name",
                    "nickname",
                    "dob",
                    "date_of_birth",
                    "birth_date",
                    "birthday",
                    "age",
                    "gender",
                    "sex"),
            patterns(".*\\bname\\b.*", ".*\\bdob\\b.*", ".*birth.*"),
            List.of(),
            List.of("pii", "identity"));

    public static final RedactionPreset ONLINE_IDENTIFIERS = preset(
            "ONLINE_IDENTIFIERS",
            List.of(
                    "ip",
                    "ip_address",
                    "ipv4",
                    "ipv6",
                    "client_ip",
                    "remote_ip",
                    "device_id",
                    "device_identifier",
                    "udid",
                    "idfa",
                    "gaid",
                    "mac_address",
                    "hardware_id",
                    "user_agent",
                    "browser_fingerprint",
                    "cookie_id",
                    "tracking_id",
                    "visitor_id"),
            patterns(".*\\bip\\b.*", ".*device.?id.*", ".*mac.?addr.*"),
            List.of(),
            List.of("pii", "digital"));

    public static final RedactionPreset FINANCIAL_IDENTIFIERS = preset(
            "FINANCIAL_IDENTIFIERS",
            List.of(
                    "iban",
                    "bic",
                    "swift",
                    "bank_account",
                    "account_number",
                    "account_no",
                    "sort_code",
                    "routing_number",
                    "bsb"),
            patterns(".*\\biban\\b.*", ".*account.?(num|no).*", ".*routing.*"),
            List.of(),
            List.of("pii", "financial"));

    public static final RedactionPreset US_GOVERNMENT_IDS = preset(
            "US_GOVERNMENT_IDS",
            List.of(
                    "ssn",
                    "social_security",
                    "social_security_number",
                    "itin",
                    "ein",
                    "passport",
                    "passport_number",
                    "drivers_license",
                    "driver_license",
                    "dl_number"),
            patterns(".*\\bssn\\b.*", ".*social.?security.*"),
            List.of(),
            List.of("region:US", "government-id"));

    public static final RedactionPreset UK_GOVERNMENT_IDS = preset(
            "UK_GOVERNMENT_IDS",
            List.of(
                    "national_insurance",
                    "ni_number",
                    "nino",
                    "nhs_number",
                    "passport",
                    "passport_number",
                    "driving_licence",
                    "licence_number"),
            patterns(".*national.?insurance.*", ".*\\bni.?(num|no)\\b.*", ".*\\bnino\\b.*", ".*\\bnhs\\b.*"),
            List.of(),
            List.of("region:UK", "government-id"));

    public static final RedactionPreset EU_GOVERNMENT_IDS = preset(
            "EU_GOVERNMENT_IDS",
            List.of(
                    "national_id",
                    "id_number",
                    "identity_number",
                    "id_card",
                    "passport",
                    "passport_number",
                    "tax_id",
                    "tin",
                    "vat_number",
                    "drivers_license",
                    "licence_number"),
            patterns(".*national.?id.*", ".*passport.*", ".*\\btin\\b.*", ".*tax.?id.*", ".*licen[cs]e.*"),
            List.of(),
            List.of("region:EU", "government-id"));

    public static final RedactionPreset GDPR_PII = preset(
            "GDPR_PII",
            List.of("biometric_data", "genetic_data", "health_data"),
            List.of(),
            withGeneralPii("EU_GOVERNMENT_IDS"),
            List.of("regulation:GDPR", "region:EU"));

    public static final RedactionPreset GDPR_PII_UK = preset(
            "GDPR_PII_UK",
            List.of(),
            List.of(),
            List.of("GDPR_PII", "UK_GOVERNMENT_IDS"),
            List.of("regulation:UK-GDPR", "region:UK"));

    public static final RedactionPreset CCPA_PII = preset(
            "CCPA_PII",
            List.of("household_id", "inferred_preferences", "purchase_history"),
            List.of(),
            withGeneralPii("US_GOVERNMENT_IDS"),
            List.of("regulation:CCPA", "region:US-CA"));

    public static final RedactionPreset HIPAA_PHI = preset(
            "HIPAA_PHI",
            List.of(
                    "mrn",
                    "medical_record_number",
                    "patient_id",
                    "health_plan_id",
                    "beneficiary_id",
                    "account_number",
                    "certificate_number",
                    "license_number",
                    "vehicle_id",
                    "vin",
                    "device_serial",
                    "device_identifier",
                    "url",
                    "web_url",
                    "biometric_id",
                    "fingerprint",
                    "voiceprint",
                    "photo",
                    "image"),
            patterns(".*\\bmrn\\b.*", ".*medical.?record.*", ".*patient.?id.*", ".*health.?plan.*"),
            List.of("CONTACT_INFO", "PERSONAL_IDENTIFIERS", "US_GOVERNMENT_IDS"),
            List.of("regulation:HIPAA", "region:US"));

    public static final RedactionPreset PCI_DSS = new RedactionPreset(
            "PCI_DSS",
            List.of(
                    "card_number",
                    "credit_card",
                    "cc_number",
                    "pan",
                    "cvv",
                    "cvc",
                    "cvv2",
                    "cid",
                    "security_code",
                    "card_security",
                    "expiry",
                    "expiry_date",
                    "expiration",
                    "exp_date",
                    "exp_month",
                    "exp_year",
                    "cardholder",
                    "cardholder_name",
                    "card_holder",
                    "card_pin",
                    "pin",
                    "track_data",
                    "track1",
                    "track2"),
            patterns(
                    ".*card.?(num|no).*",
                    ".*credit.?card.*",
                    ".*\\bcvv\\b.*",
                    ".*\\bcvc\\b.*",
                    ".*expir.*",
                    ".*cardholder.*",
                    ".*\\bpan\\b.*"),
            List.of(),
            List.of("regulation:PCI-DSS"),
            true);

    private static final Map<String, RedactionPreset> ALL = index(
            CREDENTIALS,
            CONTACT_INFO,
            PERSONAL_IDENTIFIERS,
            ONLINE_IDENTIFIERS,
            FINANCIAL_IDENTIFIERS,
            US_GOVERNMENT_IDS,
            UK_GOVERNMENT_IDS,
            EU_GOVERNMENT_IDS,
            GDPR_PII,
            GDPR_PII_UK,
            CCPA_PII,
            HIPAA_PHI,
            PCI_DSS);

    private RedactionPresets() {}

    /** The preset with this name (case-insensitive), as declared. */
    public static Optional<RedactionPreset> find(String name) {
        return Optional.ofNullable(ALL.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every preset, in declaration order. */
    public static List<RedactionPreset> all() {
        return List.copyOf(ALL.values());
    }

    /** Names of every preset. */
    public static Set<String> available() {
        return ALL.keySet();
    }

    /** The presets carrying this tag, for example {@code region:EU} or {@code pii}. */
    public static List<RedactionPreset> tagged(String tag) {
        List<RedactionPreset> out = new ArrayList<>();
        for (RedactionPreset p : ALL.values()) {
            if (p.tags().contains(tag)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * What the preset masks with everything it extends: the union of fields and patterns, and whether any part needs
     * the value scanner. The {@code parents} of the result list every preset it was built from.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static RedactionPreset resolve(String name) {
        RedactionPreset root =
                find(name).orElseThrow(() -> new IllegalArgumentException("no redaction preset " + name));
        Set<String> fields = new LinkedHashSet<>();
        Set<String> patterns = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean[] scan = {false};
        collect(root, fields, patterns, seen, scan);
        seen.remove(root.name());
        return new RedactionPreset(
                root.name(), List.copyOf(fields), List.copyOf(patterns), List.copyOf(seen), root.tags(), scan[0]);
    }

    private static void collect(
            RedactionPreset p, Set<String> fields, Set<String> patterns, Set<String> seen, boolean[] scan) {
        if (!seen.add(p.name())) {
            return;
        }
        fields.addAll(p.fields());
        patterns.addAll(p.patterns());
        scan[0] |= p.scanValues();
        for (String parent : p.parents()) {
            collect(ALL.get(parent), fields, patterns, seen, scan);
        }
    }

    /** The four general PII building blocks GDPR_PII and CCPA_PII both extend, plus a region's government ids. */
    private static List<String> withGeneralPii(String governmentIds) {
        return List.of(
                "CONTACT_INFO", "PERSONAL_IDENTIFIERS", "ONLINE_IDENTIFIERS", "FINANCIAL_IDENTIFIERS", governmentIds);
    }

    private static RedactionPreset preset(
            String name, List<String> fields, List<String> patterns, List<String> parents, List<String> tags) {
        return new RedactionPreset(name, fields, patterns, parents, tags, false);
    }

    /** Case-insensitive, as fapilog's are. */
    private static List<String> patterns(String... regexes) {
        List<String> out = new ArrayList<>();
        for (String r : regexes) {
            out.add("(?i)" + r);
        }
        return List.copyOf(out);
    }

    private static Map<String, RedactionPreset> index(RedactionPreset... presets) {
        Map<String, RedactionPreset> m = new LinkedHashMap<>();
        for (RedactionPreset p : presets) {
            m.put(p.name(), p);
        }
        return Collections.unmodifiableMap(m);
    }
}
