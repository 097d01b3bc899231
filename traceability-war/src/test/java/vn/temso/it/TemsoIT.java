package vn.temso.it;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one deployment of this module: the WAR exactly as built (plus {@link FileStoreProbe} and {@link CaptureProbe}), deployed at the root
 * context on Payara Micro with a fresh embedded Derby database and the demo data. Every scenario class of the chain runs against it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TemsoIT extends TenancyScenarios {

    /** Stamps, trace page and keys (issue 3). */
    @Nested
    class Stamps extends StampScenarios {}

    /** The web UI in headless Chromium (issue 6). */
    @Nested
    class WebUi extends WebUiScenarios {}

    /** Clone rules: networks, not user agents (issue 12, finding 3). */
    @Nested
    class CloneRules extends CloneRuleScenarios {}

    /** Label printing for stamps (issue 4). */
    @Nested
    class Printing extends PrintingScenarios {}

    /** Physical limits of label templates (issue 12, finding 1). */
    @Nested
    class LabelLimits extends LabelLimitsScenarios {}

    /** Marketplace listings: feeds and push sync (issue 5). */
    @Nested
    class Listings extends ListingScenarios {}

    /** Hostile input to every operation, HTTP hardening (issue 12, findings 4 and 8). */
    @Nested
    class Fuzz extends FuzzScenarios {}

    /** Who may hold signed stamp URLs, on every path (issue 12, finding 7). */
    @Nested
    class SignedUrls extends SignedUrlScenarios {}

    /** Issuing quota per cooperative, export and void of large batches (issue 12, finding 8). */
    @Nested
    class StampLimits extends StampLimitsScenarios {}

    /** Zone outlines: hostile geometry refused, big outlines drawn from a stored simplified copy (issue 12). */
    @Nested
    class Geometry extends GeometryScenarios {}

    /** Bounded caches on the public path: verified stamps keyed by the signed stamp (issue 12, finding 2). */
    @Nested
    class CacheBounds extends CacheBoundsScenarios {}

    /** Print files, images and feeds in the database file store: any instance serves them (issue 13). */
    @Nested
    class StoredFiles extends FileScenarios {}

    /** Sign-in cannot be used as a weapon; users can be disabled (issue 12). */
    @Nested
    class LoginHardening extends LoginHardeningScenarios {}

    /** Jobs run once: leases, takeover by the job sweeper (issue 13). */
    @Nested
    class Jobs extends JobScenarios {}

    /** Issue 15: batches made from batches, recall through genealogy, parties of shipping entries. */
    @Nested
    class Genealogy extends GenealogyScenarios {}

    /** Issue 15: the records as EPCIS 2.0 events through the query interface. */
    @Nested
    class EpcisQuery extends EpcisQueryScenarios {}

    /** Issue 15: partner keys and the EPCIS capture interface. */
    @Nested
    class Capture extends CaptureScenarios {}

    /** Issue 15: every EPCIS document Temso writes is valid against GS1's schema. */
    @Nested
    class EpcisExport extends EpcisExportScenarios {}

    /** Issue 15: lots exported from this Temso, captured into an empty second one, queried back with the same ids. */
    @Nested
    class EpcisRoundTrip extends RoundTripScenarios {}

    /** Issue 15: one step back, one step forward on the trace page and the lot page. */
    @Nested
    class OriginJourney extends OriginJourneyScenarios {}

    /** Issue 15: the national-portal record of each lot, held while incomplete, sent through the outbox. */
    @Nested
    class Portal extends PortalScenarios {}

    /** Issue 16: community digital teams enter records on behalf of the cooperatives of their commune. */
    @Nested
    class DigitalTeams extends DigitalTeamScenarios {}

    /** Issue 16: spreadsheet import (the 500-row done-when), export, zone outlines from GeoJSON. */
    @Nested
    class Imports extends ImportScenarios {}

    /** Issue 16: the farm diary by zone and season, before any batch; client ids make repeated creates one record. */
    @Nested
    class SeasonDiary extends SeasonDiaryScenarios {}

    /** Issue 16: zone and batch creates with a client id: a repeated create, even two at once, is one record. */
    @Nested
    class ClientIds extends ClientIdScenarios {}

    /** Issue 16: the field diary page on a phone; an entry written offline is sent once when the connection returns. */
    @Nested
    class FieldDiary extends FieldDiaryScenarios {}

    /** Issue 17: every page of every role shows codes as words, dates and numbers the Vietnamese way. */
    @Nested
    class UiWords extends UiWordsScenarios {}

    /** Issue 17: every page of every role at 360 and 1280 px: no overflow, no code, axe clean; keyboard-only print. */
    @Nested
    class UiSweep extends UiSweepScenarios {}

    /** Issue 18: every listing's problems named on the API and the page; demo listings publish. */
    @Nested
    class ListingProblems extends ListingProblemScenarios {}

    /** Issue 17: the statistics API, its CSV and .xlsx files and the dashboard charts count exactly what was seeded. */
    @Nested
    class Stats extends StatsScenarios {}

    /** Issue 17: scan statistics from the daily rollup and from scan rows agree, in Vietnam days. */
    @Nested
    class ScanRollup extends ScanRollupScenarios {}

    /** Issue 17: the zone map (SVG and page) shows the zones the caller may see, coloured by status or crop. */
    @Nested
    class Maps extends MapScenarios {}

    /** Issue 17: roles granted within what the caller may grant, password resets, paged lists with a count. */
    @Nested
    class UserAdmin extends UserAdminScenarios {}

    /** Shared links preview the product and the verdict; link-preview crawlers are not scans (issue 18). */
    @Nested
    class Sharing extends SharingScenarios {}

    /** Issue 18: availability follows the records; a recall flips feeds and pushes in the next round. */
    @Nested
    class Availability extends AvailabilityScenarios {}

    /** Issue 18: Voso/Postmart column mappings edited through the API and the page, feeds parsed back. */
    @Nested
    class Mappings extends MappingScenarios {}

    /** Issue 18: product images checked from their bytes, served in JPEG sizes, linked by the feeds. */
    @Nested
    class Images extends ImageScenarios {}

    /** Issue 18: commune and province feeds of consenting cooperatives, the public catalogue page. */
    @Nested
    class AreaFeeds extends AreaFeedScenarios {}

    /** Temso as a GS1-Conformant resolver: product page, walking up, linksets, link types (issue 19). */
    @Nested
    class Resolver extends ResolverScenarios {}

    @ArquillianResource
    URL deploymentUrl;

    @BeforeEach
    void connectApi() throws Exception {
        connect(deploymentUrl);
    }

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        Path data = Path.of(System.getProperty("temso.it.dataDir", "target/it-data"));
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        FileScenarios.seedLegacyFiles(data); // as a version before the database file store left them
        File war = new File(System.getProperty("temso.it.war", "target/temso.war"));
        // the probes let scenarios look into the database file store and capture partners' EPCIS events (until
        // POST /epcis/capture exists); they are never in the built WAR
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClass(FileStoreProbe.class)
                .addClass(CaptureProbe.class)
                .addClass(ScanProbe.class);
    }
}
