package io.meridian.systemtest;

import io.meridian.shared.artifact.TrustedCas;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * What the WAN link carries and what each datacenter holds: the installation's secrets and CA
 * (.work/secrets), commands run inside a datacenter's namespace, and a minimal reader of the link's
 * packet capture ({@code dc.sh capture}).
 */
final class Wan {

  static final Path SECRETS =
      Path.of(System.getProperty("meridian.work", "../.work")).resolve("secrets");
  static final Path CA = SECRETS.resolve("pki/ca.crt");

  private Wan() {}

  /** A generated secret of the set-up (.work/secrets/NAME). */
  static String secret(String name) {
    try {
      return Files.readString(SECRETS.resolve(name)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every secret the set-up generated: the last value of each line of the files directly in
   * .work/secrets (a password alone, or after "=", ":" or a space), as cmdline_watch.py reads them.
   */
  static List<String> installationSecrets() {
    List<String> out = new ArrayList<>();
    try (var files = Files.list(SECRETS)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] tokens = line.strip().split("[\\s:=]+");
          String last = tokens[tokens.length - 1];
          if (last.length() >= 12) {
            out.add(last);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** An SSL context that trusts only the installation's CA (as a read-only DC's gateway does). */
  static SSLContext trustingTheInstallationCa() {
    return TrustedCas.from(CA);
  }

  /** What a command printed (stdout and stderr together) and how it ended. */
  record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  /**
   * Runs a command inside a datacenter's network namespace (mer-m, mer-r), with extra environment
   * (secrets go there or in files, never on the command line).
   */
  static Result inNamespace(String ns, Map<String, String> env, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(command));
    return run(env, cmd);
  }

  static Result run(Map<String, String> env, List<String> command) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(new File("/dev/null"));
      pb.environment().putAll(env);
      Process p = pb.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.getInputStream().transferTo(out);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not finish");
      }
      return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file of mode 600 with the given content (password files for psql and the like). */
  static Path privateFile(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      Files.deleteIfExists(path);
      Files.createFile(
          path,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.writeString(path, content);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TCP payload bytes of a capture, per port (each segment counts for both of its ports). */
  record Capture(byte[] raw, Map<Integer, Long> payloadByPort) {

    boolean contains(String text) {
      return indexOf(raw, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    static Capture read(Path pcap) {
      try {
        byte[] raw = Files.readAllBytes(pcap);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (raw.length < 24 || b.getInt(0) != 0xa1b2c3d4) {
          throw new AssertionError("not a little-endian pcap file: " + pcap);
        }
        if (b.getInt(20) != 1) {
          throw new AssertionError("not an Ethernet capture: link type " + b.getInt(20));
        }
        Map<Integer, Long> byPort = new TreeMap<>();
        int at = 24;
        while (at + 16 <= raw.length) {
          int length = b.getInt(at + 8);
          int frame = at + 16;
          if (frame + length > raw.length) {
            break;
          }
          tcpPayload(raw, frame, length, byPort);
          at = frame + length;
        }
        return new Capture(raw, byPort);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void tcpPayload(byte[] raw, int frame, int length, Map<Integer, Long> byPort) {
      if (length < 34 || (raw[frame + 12] & 0xff) != 0x08 || raw[frame + 13] != 0x00) {
        return; // not IPv4
      }
      int ip = frame + 14;
      int ihl = (raw[ip] & 0x0f) * 4;
      if ((raw[ip + 9] & 0xff) != 6) {
        return; // not TCP
      }
      int total = ((raw[ip + 2] & 0xff) << 8) | (raw[ip + 3] & 0xff);
      int tcp = ip + ihl;
      if (tcp + 20 > frame + length) {
        return;
      }
      int src = ((raw[tcp] & 0xff) << 8) | (raw[tcp + 1] & 0xff);
      int dst = ((raw[tcp + 2] & 0xff) << 8) | (raw[tcp + 3] & 0xff);
      int dataOffset = ((raw[tcp + 12] & 0xf0) >> 4) * 4;
      int payload = total - ihl - dataOffset;
      if (payload > 0) {
        byPort.merge(src, (long) payload, Long::sum);
        byPort.merge(dst, (long) payload, Long::sum);
      }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= hay.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (hay[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
