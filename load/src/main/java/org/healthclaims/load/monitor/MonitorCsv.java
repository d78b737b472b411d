package org.healthclaims.load.monitor;

import java.util.List;

/**
 * The columns of the monitor's CSV, which {@code report} reads by these names. A source that could not be read leaves
 * its cells empty. Counters that only grow (deadlocks) are written as read; per-interval figures (CPU, GC pauses) are
 * the change since the row before.
 */
public final class MonitorCsv {

    /** Epoch milliseconds of the sample. */
    public static final String TIME = "time_ms";
    /** All cores busy = 100, from /proc/stat. */
    public static final String MACHINE_CPU = "machine_cpu_percent";
    /** MemTotal − MemAvailable, from /proc/meminfo. */
    public static final String MACHINE_MEMORY = "machine_memory_used_mb";
    /** The server process's CPU time over the interval, all cores = 100 (as the machine's). */
    public static final String SERVER_CPU = "server_cpu_percent";

    public static final String HEAP_USED = "heap_used_mb";
    public static final String HEAP_MAX = "heap_max_mb";
    /** Milliseconds of GC pauses in the interval. */
    public static final String GC_PAUSE = "gc_pause_ms";
    /** The server's Hikari pool: connections in use, idle, and requests waiting for one. */
    public static final String POOL_ACTIVE = "pool_active";

    public static final String POOL_IDLE = "pool_idle";
    public static final String POOL_PENDING = "pool_pending";
    /** Sessions on the database (pg_stat_activity), the monitor's own left out. */
    public static final String PG_CONNECTIONS = "pg_connections";
    /** Lock requests not granted (pg_locks) of sessions on the database. */
    public static final String PG_WAITING_LOCKS = "pg_waiting_locks";
    /** pg_stat_database.deadlocks of the database: cumulative, the report takes last − first. */
    public static final String PG_DEADLOCKS = "pg_deadlocks";
    /** Messages ready in the adjudication queues (partitions and parked), summed. */
    public static final String QUEUE_DEPTH = "queue_depth";

    public static final List<String> HEADER = List.of(
            TIME,
            MACHINE_CPU,
            MACHINE_MEMORY,
            SERVER_CPU,
            HEAP_USED,
            HEAP_MAX,
            GC_PAUSE,
            POOL_ACTIVE,
            POOL_IDLE,
            POOL_PENDING,
            PG_CONNECTIONS,
            PG_WAITING_LOCKS,
            PG_DEADLOCKS,
            QUEUE_DEPTH);

    private MonitorCsv() {}
}
