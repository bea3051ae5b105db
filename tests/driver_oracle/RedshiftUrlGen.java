// Random JDBC URLs for the driver oracle: a grammar of the URL forms the Redshift JDBC driver
// reads (SPEC §3), filled from pools of hosts, ports, databases, keys and values that hit the
// driver's rules and quirks, then mutated (a character inserted, deleted, replaced, or a slice
// doubled). Deterministic: java.util.Random's sequence is fixed by its specification.
//
// Usage: java RedshiftUrlGen SEED COUNT OUTPUT
// OUTPUT is written in corpus.txt's escaped form: every byte outside printable ASCII as \xHH,
// a backslash as \\.
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Random;

public final class RedshiftUrlGen {
  final Random rnd;

  RedshiftUrlGen(long seed) { rnd = new Random(seed); }

  String pick(String... items) { return items[rnd.nextInt(items.length)]; }
  boolean chance(int percent) { return rnd.nextInt(100) < percent; }

  static final String KELVIN = "\u212A";

  static final String[] HOSTS = {
    "h", "localhost", "127.0.0.1", "10.0.0.5", "analytics.example.com", "[::1]", "[2001:db8::1]", "::1", "",
    "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com",
    "c1.abc.us-east-1.redshift.amazonaws.com",
    "c1.abc.cn-north-1.redshift.amazonaws.com.cn",
    "c1.abc.us-gov-west-1.redshift.amazonaws.com",
    "c1.abc.us-east-1.redshift-dev.amazonaws.com",
    "c1.abc.us-east-1.redshift.amazonaws.com.",
    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com",
    "wg.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn",
    "wg.123456789012.us-gov-east-1.redshift-serverless.amazonaws.com",
    "wg.123456789012.us-east-2.redshift-serverless-dev.amazonaws.com",
    "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com.",
    "123456789012.us-east-2.redshift-serverless.amazonaws.com",
    "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com",
    "myep-endpoint-abcdefghij0123456789.abc123.us-west-2.redshift.amazonaws.com",
    "a.b.c.abc.us-east-1.redshift.amazonaws.com",
    "x.y.us-east-1xredshift.amazonaws.com",
    "c1.abc.us-east-1.redshift.amazonaws.com.evil.example",
    "C1.ABC.US-EAST-1.REDSHIFT.AMAZONAWS.COM",
    "Wg.123456789012.us-east-1.redshift-serverless.amazonaws.com",
    "redshift-serverless-wg.abc.us-east-1.redshift.amazonaws.com",
    "nlb-1.elb.us-east-1.amazonaws.com",
    "c\u00e9.abc.us-east-1.redshift.amazonaws.com",
    "\u65e5\u672c.example",
    "c1..us-east-1.redshift.amazonaws.com",
  };

  static final String[] PORTS = {
    "5439", "5439", "8191", "1", "0", "00", "65535", "65536", "99999", "+5439", "05439", "-1", "-0", "+", "abc", "",
    "2147483647", "2147483648", "4294967295", "4294967296", "5439x", " 5439", "\u0663\u0664", "\uff15\uff14",
  };

  static final String[] REGIONS = {
    "us-east-1", "us-west-2", "eu-west-1", "cn-north-1", "us-gov-west-1", "ap-south-1", "", "us-east-1:x", "x y",
  };

  static final String[] CLUSTERS = {
    "mycluster", "c1", "redshift-serverless-wg1", "redshift-serverless-", "Redshift-Serverless-wg", "[", "h,h2",
  };

  static final String[] DATABASES = {
    "dev", "dev", "", "my%20db", "my+db", "a/b", "a;b", "%zz", "%", "db%2", "caf%C3%A9", "caf\u00e9", "%E2%82", "%-0",
    "%+4", "%-4", "DEV", "d\ne",
  };

  static final String[] KEYS = {
    "ssl", "user", "User", "password", "Password", "UID", "PWD", "host", "HOST", "port", "Port", "dbname", "DBNAME",
    "iamauth", "IAMAuth", "ClusterID", "clusterid", "CLUSTERID", "Region", "region", "REGION", "serverlessWorkGroup",
    "serverlessworkgroup", "serverlessAcctId", "SERVERLESSACCTID", "isServerless", "isserverless", "DbUser", "AutoCreate",
    "SessionToken", "loginTimeout", "", "k", "K", "serverlessWor" + KELVIN + "group", KELVIN + "ey", "\u00c4", "\u00e4",
    "REG\u0130ON", "k%41", "k+x",
  };

  static final String[] VALUES = {
    "", "true", "TRUE", "false", "yes", "1", "a+b", "a%2Bb", "%20", "%", "%2", "%zz", "%+4", "%-0", "%-4", "%+f", "%4-",
    "caf%C3%A9", "caf\u00e9", "%F0%9F%98%80", "\ud83d\ude00", "a=b", "=", "a?b", "a#b", "%3B%26", "%0A", "x\ny", "x\u2028y",
    "x\u0085y", "\u0663", "%\u0663\u0664", "IQoJb3JpZ2luX2VjEJr//abc+def==",
  };

  /** A run of %XX escapes whose bytes probe the UTF-8 decoder's replacement rules. */
  String escapeRun() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; ++i) {
      int b;
      switch (rnd.nextInt(10)) {
        case 0: b = rnd.nextInt(0x80); break;
        case 1: case 2: case 3: b = 0x80 + rnd.nextInt(0x40); break;  // continuation
        case 4: b = 0xC0 + rnd.nextInt(0x20); break;
        case 5: b = Integer.parseInt(pick("E0", "ED", "EF", "F0", "F4", "C2"), 16); break;
        case 6: b = 0xE0 + rnd.nextInt(0x10); break;
        case 7: b = 0xF0 + rnd.nextInt(5); break;
        case 8: b = 0xF5 + rnd.nextInt(0x0B); break;
        default: b = 0x41 + rnd.nextInt(26); break;
      }
      String hex = String.format("%02X", b);
      if (chance(30)) hex = hex.toLowerCase();
      sb.append('%').append(hex);
    }
    if (chance(10)) sb.append(pick("%", "%4", "%+4", "%-0", "%-4", "%g0"));
    return sb.toString();
  }

  String host() {
    String h = pick(HOSTS);
    if (chance(5)) h = h.toUpperCase();
    if (chance(3)) h = h.replace("redshift", "red\nshift");
    return h;
  }

  String port() { return pick(PORTS); }

  String authority() {
    StringBuilder sb = new StringBuilder();
    int n = chance(80) ? 1 : 2 + rnd.nextInt(2);
    for (int i = 0; i < n; ++i) {
      if (i > 0) sb.append(',');
      if (chance(5)) continue;  // an empty entry
      sb.append(host());
      if (chance(60)) sb.append(':').append(port());
    }
    if (chance(5)) sb.append(',');
    return sb.toString();
  }

  String database() { return chance(15) ? escapeRun() : pick(DATABASES); }

  String key() {
    String k = pick(KEYS);
    if (chance(10)) {  // random case
      StringBuilder sb = new StringBuilder();
      for (char c : k.toCharArray()) sb.append(chance(50) ? Character.toUpperCase(c) : Character.toLowerCase(c));
      k = sb.toString();
    }
    return k;
  }

  String value(String key) {
    String k = key.toLowerCase();
    if (chance(50)) {
      if (k.equals("host")) return chance(70) ? host() : host() + "," + host();
      if (k.equals("port")) return chance(70) ? port() : port() + "," + port();
      if (k.equals("region")) return pick(REGIONS);
      if (k.equals("clusterid")) return pick(CLUSTERS);
      if (k.equals("iamauth") || k.equals("isserverless")) return pick("true", "TRUE", "false", "yes", "", "%74rue");
      if (k.contains("workgroup")) return pick("wg", "other", "", "w%20g");
    }
    return chance(25) ? escapeRun() : pick(VALUES);
  }

  String arguments() {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; ++i) {
      if (i > 0) sb.append(pick("&", "&", ";", "&&", ";;", "&;"));
      String k = key();
      sb.append(k);
      if (chance(90)) sb.append('=').append(value(k));
    }
    if (chance(5)) sb.append(pick("&", ";", "?x=1", "#f"));
    return sb.toString();
  }

  String url() {
    StringBuilder sb = new StringBuilder(chance(95) ? "jdbc:redshift:" : pick("JDBC:REDSHIFT:", "jdbc:redshift", "jdbc:postgresql:", ""));
    int form = rnd.nextInt(100);
    if (form < 40) {
      sb.append("//").append(authority());
      if (chance(95)) sb.append('/').append(database());
    } else if (form < 70) {
      sb.append(chance(95) ? "iam://" : pick("IAM://", "iam:/", "iam:", "iam:///"));
      sb.append(host());
      if (chance(60)) sb.append(':').append(port());
      if (chance(80)) sb.append('/').append(database());
    } else if (form < 82) {
      sb.append("iam://").append(pick(CLUSTERS)).append(':').append(pick(REGIONS));
      if (chance(80)) sb.append('/').append(database());
    } else if (form < 90) {
      sb.append(database());
    } else {  // a ';' inside the server part, then '?'
      sb.append(chance(50) ? "iam://" : "//").append(host()).append(":5439/dev;").append(arguments());
    }
    if (chance(75)) sb.append(chance(85) ? '?' : ';').append(arguments());
    return mutate(sb.toString());
  }

  static final String[] ALPHABET = {
    ":", "/", "?", ";", "&", "=", ",", "%", "+", "[", "]", ".", "-", "0", "9", "a", "A", "\n", "\r", "\u0085",
    "\u2028", "\u00e9", KELVIN, " ", "%2", "%C3", "%E2%82", "%F0%9F%98",
  };

  String mutate(String s) {
    if (!chance(35)) return s;
    int[] cps = s.codePoints().toArray();
    StringBuilder sb = new StringBuilder();
    for (int cp : cps) sb.appendCodePoint(cp);
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits; ++e) {
      String cur = sb.toString();
      int[] c = cur.codePoints().toArray();
      int at = c.length == 0 ? 0 : rnd.nextInt(c.length + 1);
      String head = new String(c, 0, at);
      String tail = new String(c, at, c.length - at);
      switch (rnd.nextInt(4)) {
        case 0: sb = new StringBuilder(head).append(pick(ALPHABET)).append(tail); break;
        case 1: if (!tail.isEmpty()) sb = new StringBuilder(head).append(tail.substring(Character.charCount(tail.codePointAt(0)))); break;
        case 2: if (!tail.isEmpty()) sb = new StringBuilder(head).append(pick(ALPHABET)).append(tail.substring(Character.charCount(tail.codePointAt(0)))); break;
        default: {
          int len = Math.min(c.length - at, 1 + rnd.nextInt(8));
          String slice = new String(c, at, len);
          sb = new StringBuilder(head).append(slice).append(slice).append(new String(c, at + len, c.length - at - len));
        }
      }
    }
    return sb.toString();
  }

  static void writeEscaped(OutputStream out, String url) throws IOException {
    StringBuilder sb = new StringBuilder();
    if (url.isEmpty()) sb.append("\\E");
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int v = b & 0xff;
      if (v == '\\') sb.append("\\\\");
      else if (v < 0x20 || v >= 0x7f) sb.append(String.format("\\x%02x", v));
      else sb.append((char) v);
    }
    sb.append('\n');
    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
  }

  public static void main(String[] argv) throws IOException {
    if (argv.length != 3) {
      System.err.println("usage: java RedshiftUrlGen SEED COUNT OUTPUT");
      System.exit(2);
    }
    RedshiftUrlGen gen = new RedshiftUrlGen(Long.parseLong(argv[0]));
    int count = Integer.parseInt(argv[1]);
    try (OutputStream out = Files.newOutputStream(Paths.get(argv[2]))) {
      out.write(("# generated by RedshiftUrlGen, seed " + argv[0] + ", " + count + " URLs\n").getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < count; ++i) writeEscaped(out, gen.url());
    }
  }
}
