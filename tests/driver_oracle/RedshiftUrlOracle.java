// A restatement of how the official Amazon Redshift JDBC driver 2.x reads a URL
// (Driver.parseURL and the host regexes of Driver and IamHelper), written from the research
// notes (notes/jdbc-driver.md, SPEC §3), not copied from the driver. Java's own library does
// the parts whose exact semantics matter: java.net.URLDecoder.decode(v, "UTF-8"),
// java.util.regex with the driver's patterns, Integer.parseInt, String.split and
// String.toLowerCase(Locale.ENGLISH).
//
// Usage: java RedshiftUrlOracle CORPUS OUTPUT
// CORPUS holds one URL per line in the escaped form of corpus.txt (see readCorpusLine); each
// line's bytes are read as UTF-8 into a Java String (a line that is not well-formed UTF-8 cannot
// be a Java String and is reported as "unrepresentable"). OUTPUT gets one JSON object per URL:
//   hex            the URL's bytes (so that the comparer can check it reads the same URL)
//   accepted       false when parseURL returns null or throws (outcome says which)
//   form           iam_host | iam_cluster | hosts | database_only
//   host, port     the final "host" and "port" properties (comma lists, as the driver keeps them)
//   hosts, ports   the same split with String.split(",") as Driver.hostSpecs does
//   dbname         the final "dbname" property (null when unset)
//   iamauth        Boolean.parseBoolean of the final "iamauth" property
//   clusterid, region, serverlessworkgroup, serverlessacctid, isserverless: the final props
//   props          the property map (keys lower-cased by the driver)
//   args           [[key as written, key lower-cased, decoded value], ...] in URL order
//   helper         what IAM authentication would use: {host, clusterid, region,
//                  serverlessworkgroup, serverlessacctid, kind}. For the jdbc:redshift:iam://host
//                  form this is what parseURL derived from the URL's host; for the other forms it
//                  is the same host-regex derivation applied to the final first host (what rsconn
//                  promises for every form), arguments overriding it as in parseURL. kind is
//                  IamHelper's decision: provisioned | legacy | serverless | cname.
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class RedshiftUrlOracle {
  static final String PREFIX = "jdbc:redshift:";
  static final Pattern IAM_URL = Pattern.compile("(iam:)?//([^:/?]+)(:([^/?]*))?(/([^?;]*))?([?;](.*))?");
  static final Pattern PROVISIONED_HOST = Pattern.compile("(.+)\\.(.+)\\.(.+).redshift(-dev)?\\.amazonaws\\.com(.)*");
  static final Pattern SERVERLESS_HOST =
      Pattern.compile("(.+)\\.(.+)\\.(.+).redshift-serverless(-dev)?\\.amazonaws\\.com(.)*");
  static final String LEGACY_PREFIX = "redshift-serverless-";

  /** The driver's property map: keys lower-cased (RedshiftProperties.setProperty). */
  static final class Props {
    final Map<String, String> map = new TreeMap<>();
    void set(String key, String value) { map.put(key.toLowerCase(Locale.ENGLISH), value); }
    String get(String key) { return map.get(key.toLowerCase(Locale.ENGLISH)); }
    boolean has(String key) { return map.containsKey(key.toLowerCase(Locale.ENGLISH)); }
  }

  static final class Result {
    String outcome = "ok";  // ok | null | throw:<exception class>
    String form;
    Props props = new Props();
    List<String[]> args = new ArrayList<>();
    String urlHost;  // the host the IAM branch matched against the regexes (iam_host form)
  }

  static final class NullResult extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NullResult() { super(null, null, false, false); }
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** What parseURL derives from a host in the IAM branch (Driver, notes §2.2a). */
  static void deriveFromHost(String host, Props p) {
    Matcher m = PROVISIONED_HOST.matcher(host);
    if (m.matches()) {
      p.set("clusterid", m.group(1));
      p.set("region", m.group(3));
      return;
    }
    Matcher s = SERVERLESS_HOST.matcher(host);
    if (s.matches()) {
      String region = p.get("region");
      if (region == null || region.isEmpty()) p.set("region", s.group(3));
      p.set("isserverless", "true");
      p.set("serverlessacctid", s.group(2));
      p.set("serverlessworkgroup", s.group(1));
    }
  }

  static void parseArguments(String urlArgs, Result r) {
    for (String token : urlArgs.split("[;&]")) {
      if (token.isEmpty()) continue;
      int eq = token.indexOf('=');
      String key = eq == -1 ? token : token.substring(0, eq);
      String value = eq == -1 ? "" : decode(token.substring(eq + 1));
      r.props.set(key, value);
      r.args.add(new String[] {key, key.toLowerCase(Locale.ENGLISH), value});
    }
  }

  /** Driver.parseURL with empty caller Properties; throws NullResult where it returns null. */
  static Result parseUrl(String url) {
    Result r = new Result();
    String urlServer = url;
    String urlArgs = "";
    int qPos = url.indexOf('?');
    if (qPos == -1) qPos = url.indexOf(';');  // ';' starts the arguments only without any '?'
    if (qPos != -1) {
      urlServer = url.substring(0, qPos);
      urlArgs = url.substring(qPos + 1);
    }
    if (!urlServer.startsWith(PREFIX)) throw new NullResult();  // case-sensitive
    urlServer = urlServer.substring(PREFIX.length());

    if (urlServer.startsWith("iam:")) {
      Matcher m = IAM_URL.matcher(urlServer);
      if (!m.matches()) throw new NullResult();
      String host = m.group(2);
      String port = m.group(4);
      String schema = m.group(6);
      String query = m.group(8);
      r.props.set("iamauth", "true");
      if (port != null && !port.matches("\\d*")) {  // cluster-id form: the "port" is the region
        r.form = "iam_cluster";
        r.props.set("clusterid", host);
        r.props.set("region", port);
      } else {
        r.form = "iam_host";
        r.urlHost = host;
        r.props.set("host", host);
        r.props.set("port", port == null || port.isEmpty() ? "5439" : port);  // no range check
        deriveFromHost(host, r.props);
      }
      if (schema != null) r.props.set("dbname", decode(schema));
      if (query != null) urlArgs = query;  // a ';' before the first '?': the '?' part is lost
    } else {
      r.props.set("iamauth", "false");
      if (urlServer.startsWith("//")) {
        r.form = "hosts";
        urlServer = urlServer.substring(2);
        int slash = urlServer.indexOf('/');
        if (slash == -1) throw new NullResult();
        r.props.set("dbname", decode(urlServer.substring(slash + 1)));
        String[] addresses = urlServer.substring(0, slash).split(",");
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        for (String address : addresses) {
          int portIdx = address.lastIndexOf(':');
          if (portIdx != -1 && address.lastIndexOf(']') < portIdx) {
            String portStr = address.substring(portIdx + 1);
            int port;
            try {
              port = Integer.parseInt(portStr);
            } catch (NumberFormatException e) {
              throw new NullResult();
            }
            if (port < 1 || port > 65535) throw new NullResult();
            ports.append(portStr);  // the raw text (+5439, 05439 stay as written)
            hosts.append(address, 0, portIdx);
          } else {
            ports.append("5439");
            hosts.append(address);
          }
          ports.append(',');
          hosts.append(',');
        }
        ports.setLength(ports.length() - 1);  // only commas: StringIndexOutOfBoundsException
        hosts.setLength(hosts.length() - 1);
        r.props.set("host", hosts.toString());
        r.props.set("port", ports.toString());
      } else {
        r.form = "database_only";
        r.props.set("port", "5439");
        r.props.set("host", "localhost");
        r.props.set("dbname", decode(urlServer));
      }
    }
    parseArguments(urlArgs, r);
    return r;
  }

  static final String[] EFFECTIVE = {"clusterid", "region", "serverlessworkgroup", "serverlessacctid", "isserverless"};

  /** The helper-level values (see the header). */
  static Props helper(Result r, StringBuilder derivedFrom) {
    Props h = new Props();
    if (r.form.equals("iam_host") || r.form.equals("iam_cluster")) {
      for (String k : EFFECTIVE)
        if (r.props.has(k)) h.set(k, r.props.get(k));
      if (r.urlHost != null) derivedFrom.append(r.urlHost);
      return h;
    }
    String host = r.props.get("host");
    if (host != null) {
      String[] split = host.split(",");
      String first = split.length == 0 ? "" : split[0];
      derivedFrom.append(first);
      deriveFromHost(first, h);
    }
    for (String k : EFFECTIVE)  // in these forms only arguments set them: they win
      if (r.props.has(k)) h.set(k, r.props.get(k));
    return h;
  }

  /**
   * IamHelper.setIAMProperties' decision (notes §2.2b) from the final host and the helper-level
   * cluster id and isServerless. Null for a host list: IamHelper would run its regexes over the
   * joined list (and Integer.parseInt the port list), which says nothing about one host.
   */
  static String kind(Result r, Props helper) {
    String host = r.props.get("host");
    if (host != null && host.indexOf(',') != -1) return null;
    String clusterId = helper.get("clusterid");
    boolean legacy = clusterId != null && clusterId.startsWith(LEGACY_PREFIX);
    if ((host != null && PROVISIONED_HOST.matcher(host).matches()) || legacy) return legacy ? "legacy" : "provisioned";
    if (host != null && SERVERLESS_HOST.matcher(host).matches()) return "serverless";
    if ("true".equalsIgnoreCase(helper.get("isserverless"))) return "serverless";
    return "cname";
  }

  // ---- I/O -------------------------------------------------------------------------------

  /** corpus.txt escapes: \\ \n \r \t \xHH (a raw byte); a line "\E" is the empty URL. */
  static byte[] readCorpusLine(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (line.equals("\\E")) return out.toByteArray();
    byte[] raw = line.getBytes(StandardCharsets.ISO_8859_1);  // the file is read as Latin-1 bytes
    for (int i = 0; i < raw.length; ++i) {
      byte b = raw[i];
      if (b != '\\' || i + 1 >= raw.length) {
        out.write(b);
        continue;
      }
      char c = (char) raw[++i];
      switch (c) {
        case '\\': out.write('\\'); break;
        case 'n': out.write('\n'); break;
        case 'r': out.write('\r'); break;
        case 't': out.write('\t'); break;
        case 'x':
          out.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.ISO_8859_1), 16));
          i += 2;
          break;
        default: throw new IllegalArgumentException("bad escape \\" + c + " in " + line);
      }
    }
    return out.toByteArray();
  }

  static boolean isCorpusLine(String line) { return !line.isEmpty() && !line.startsWith("#"); }

  static void json(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); ++i) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    sb.append('"');
  }

  static void jsonList(StringBuilder sb, String[] items) {
    sb.append('[');
    for (int i = 0; i < items.length; ++i) {
      if (i > 0) sb.append(',');
      json(sb, items[i]);
    }
    sb.append(']');
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) sb.append(String.format("%02x", b & 0xff));
    return sb.toString();
  }

  static String describe(byte[] bytes) {
    StringBuilder sb = new StringBuilder("{\"hex\":\"").append(hex(bytes)).append('"');
    String url;
    try {
      url = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    } catch (CharacterCodingException e) {
      return sb.append(",\"unrepresentable\":true}").toString();
    }
    Result r;
    try {
      r = parseUrl(url);
    } catch (NullResult e) {
      return sb.append(",\"accepted\":false,\"outcome\":\"null\"}").toString();
    } catch (RuntimeException e) {
      return sb.append(",\"accepted\":false,\"outcome\":\"throw:").append(e.getClass().getName()).append("\"}").toString();
    }
    Props p = r.props;
    sb.append(",\"accepted\":true,\"outcome\":\"ok\",\"form\":\"").append(r.form).append('"');
    sb.append(",\"host\":");
    json(sb, p.get("host"));
    sb.append(",\"port\":");
    json(sb, p.get("port"));
    sb.append(",\"hosts\":");
    jsonList(sb, p.has("host") ? p.get("host").split(",") : new String[0]);
    sb.append(",\"ports\":");
    jsonList(sb, p.has("port") ? p.get("port").split(",") : new String[0]);
    sb.append(",\"dbname\":");
    json(sb, p.get("dbname"));
    sb.append(",\"iamauth\":").append(Boolean.parseBoolean(p.get("iamauth")));
    for (String k : EFFECTIVE) {
      sb.append(",\"").append(k).append("\":");
      json(sb, p.get(k));
    }
    sb.append(",\"props\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : p.map.entrySet()) {
      if (!first) sb.append(',');
      first = false;
      json(sb, e.getKey());
      sb.append(':');
      json(sb, e.getValue());
    }
    sb.append("},\"args\":[");
    for (int i = 0; i < r.args.size(); ++i) {
      if (i > 0) sb.append(',');
      jsonList(sb, r.args.get(i));
    }
    sb.append("],\"helper\":{");
    StringBuilder derivedFrom = new StringBuilder();
    Props h = helper(r, derivedFrom);
    sb.append("\"host\":");
    json(sb, r.form.equals("iam_cluster") ? null : derivedFrom.toString());
    for (String k : EFFECTIVE) {
      sb.append(",\"").append(k).append("\":");
      json(sb, h.get(k));
    }
    sb.append(",\"kind\":");
    json(sb, kind(r, h));
    sb.append("}}");
    return sb.toString();
  }

  public static void main(String[] argv) throws IOException {
    if (argv.length != 2) {
      System.err.println("usage: java RedshiftUrlOracle CORPUS OUTPUT");
      System.exit(2);
    }
    try (BufferedReader in = Files.newBufferedReader(Paths.get(argv[0]), StandardCharsets.ISO_8859_1);
         PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(Paths.get(argv[1])), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!isCorpusLine(line)) continue;
        out.println(describe(readCorpusLine(line)));
      }
    }
  }
}
