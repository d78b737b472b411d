package org.healthclaims.load.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's CPU and memory from Linux's /proc: CPU busy is the change of the aggregate {@code cpu} line's
 * non-idle jiffies over the change of all of them since the previous reading (so all cores busy = 100), memory used
 * is MemTotal − MemAvailable. NaN where /proc cannot be read (another system).
 */
final class MachineReadings {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private long lastBusy = -1;
    private long lastTotal = -1;

    /** CPU % since the previous call; NaN on the first call. */
    double cpuPercent() {
        long busy;
        long total;
        try {
            String cpu = Files.readAllLines(STAT).getFirst();
            String[] fields = cpu.trim().split("\\s+", -1);
            // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
            total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) total += Long.parseLong(fields[i]);
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            busy = total - idle;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        double percent =
                lastTotal < 0 || total == lastTotal ? Double.NaN : 100.0 * (busy - lastBusy) / (total - lastTotal);
        lastBusy = busy;
        lastTotal = total;
        return percent;
    }

    double memoryUsedMegabytes() {
        try {
            List<String> lines = Files.readAllLines(MEMINFO);
            long totalKb = -1;
            long availableKb = -1;
            for (String line : lines) {
                if (line.startsWith("MemTotal:")) totalKb = kilobytes(line);
                else if (line.startsWith("MemAvailable:")) availableKb = kilobytes(line);
            }
            return totalKb < 0 || availableKb < 0 ? Double.NaN : (totalKb - availableKb) / 1024.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(
                line.substring(line.indexOf(':') + 1).replace("kB", "").trim());
    }
}
