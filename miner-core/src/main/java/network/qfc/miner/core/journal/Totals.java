package network.qfc.miner.core.journal;

import java.time.LocalDate;

/**
 * One UTC day's totals, the same whether the day is still in detail rows or already rolled into the daily
 * aggregates.
 *
 * @param day              the UTC day
 * @param counters         the fates of the tasks fetched that day
 * @param executionMsTotal inference time summed over the day's inferred tasks
 * @param flopsTotal       FLOPs estimates summed over the day's accepted proofs
 */
public record Totals(LocalDate day, Counters counters, long executionMsTotal, long flopsTotal) {
}
