package dev.fapilog.redact;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses regular expressions whose shape can backtrack catastrophically: a quantified group that contains a quantifier
 * ({@code (a+)+}, {@code (.*)*}, {@code (\w+\s?)+}) or an alternation ({@code (a|aa)+}). A syntactic check, like
 * fapilog's, so it errs on the safe side; {@code redaction.allow-unsafe-patterns=true} turns it off.
 */
final class PatternSafety {
    private PatternSafety() {}

    /** Why {@code regex} is unsafe, or {@code null} when it is not. */
    public static String problem(String regex) {
        Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: {has quantifier, has alternation}
        boolean[] top = new boolean[2];
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is a literal
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                groups.push(top);
                top = new boolean[2];
            } else if (c == ')' && !groups.isEmpty()) {
                boolean[] inner = top;
                top = groups.pop();
                if (quantifierAt(regex, i + 1)) {
                    if (inner[0]) {
                        return "a quantified group that contains a quantifier (nested repetition)";
                    }
                    if (inner[1]) {
                        return "a quantified group that contains an alternation";
                    }
                    top[0] = true;
                }
                top[0] |= inner[0];
            } else if (c == '|') {
                top[1] = true;
            } else if (c == '*' || c == '+' || (c == '{' && quantifierAt(regex, i))) {
                top[0] = true;
            }
        }
        return null;
    }

    private static boolean quantifierAt(String regex, int i) {
        if (i >= regex.length()) {
            return false;
        }
        char c = regex.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c == '{') {
            int close = regex.indexOf('}', i);
            return close > i + 1 && regex.substring(i + 1, close).matches("\\d+(,\\d*)?");
        }
        return false;
    }

    /** The index of the {@code ]} that ends the character class opened at {@code open}. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++; // a leading ']' is a literal
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return regex.length();
    }
}
