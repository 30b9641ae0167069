package network.qfc.miner.core.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An Atom feed of releases, such as GitHub's {@code https://github.com/OWNER/REPO/releases.atom}: each entry's
 * {@code <title>} is the release's tag and its {@code <link href>} the release page. The newest release is the
 * highest version among the entries (pre-releases are left out). Only the feed is read: nothing is sent but a GET.
 */
public final class ReleaseFeed {
    /** The project's own releases on GitHub. */
    public static final URI DEFAULT = URI.create("https://github.com/qfc-network/qfc-desktop-miner/releases.atom");
    private static final long MAX_BYTES = 1 << 20;

    private final URI url;
    private final OkHttpClient http;

    public ReleaseFeed(URI url) {
        this.url = url;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20)).followRedirects(true).build();
    }

    public URI url() {
        return url;
    }

    /** The newest release the feed lists, or empty when it lists none. */
    public Optional<Release> latest(String userAgent) throws IOException {
        Request request = new Request.Builder().url(url.toString()).header("User-Agent", userAgent)
                .header("Accept", "application/atom+xml, application/xml;q=0.9").build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(url + " answered HTTP " + response.code());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > MAX_BYTES) {
                throw new IOException(url + " sent " + body.contentLength() + " bytes: too large for a release feed");
            }
            try (InputStream in = body.byteStream()) {
                return newest(parse(in));
            }
        }
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // a feed from the network: no DOCTYPE, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the release feed is not readable Atom: " + e.getMessage(), e);
        }
    }

    static Optional<Release> newest(Document feed) {
        NodeList entries = feed.getElementsByTagNameNS("*", "entry");
        Release best = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            Optional<String> version = VersionOrder.release(text(entry, "title"));
            if (version.isPresent() && (best == null || VersionOrder.ORDER.compare(version.get(), best.version()) > 0)) {
                best = new Release(version.get(), link(entry));
            }
        }
        return Optional.ofNullable(best);
    }

    private static String text(Element entry, String tag) {
        NodeList n = entry.getElementsByTagNameNS("*", tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }

    private static String link(Element entry) {
        NodeList n = entry.getElementsByTagNameNS("*", "link");
        return n.getLength() == 0 ? "" : ((Element) n.item(0)).getAttribute("href");
    }
}
