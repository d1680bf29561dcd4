package dev.fapilog;

/**
 * One filter's state at one moment, from {@link LogRuntime#filterStats()}.
 *
 * @param name the filter's name ({@code sampling}, {@code rate-limit}, ...)
 * @param currentSampleRate the share of events it keeps now, from 0 to 1 (1 for filters that do not sample)
 * @param trackedKeys the keys it tracks now (rate-limit buckets, remembered messages); 0 for filters without keys
 * @param filtered events it has dropped since start
 */
public record FilterStats(String name, double currentSampleRate, int trackedKeys, long filtered) {}
