package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a Node.js script for the end-to-end tests. */
final class Node {

    private Node() {
    }

    /**
     * Runs {@code node args...}, asserting it ends within two minutes with exit code 0.
     *
     * @param args the script and its arguments
     * @return everything the script printed, standard error included
     */
    static String run(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "node";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read while the script runs: a full pipe would otherwise stall it until the timeout.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                p.getInputStream().transferTo(bytes);
            } catch (java.io.IOException e) {
                bytes.writeBytes(("\n(output cut: " + e.getMessage() + ")").getBytes());
            }
            return bytes.toString();
        });
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(done).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
