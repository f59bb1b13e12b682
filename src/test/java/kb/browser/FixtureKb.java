package kb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A made-up knowledge base in the archive's article format, written by the test: enough articles
 * of one product for a listing of three pages, a second small product, a home page of its own.
 * Every article has four sections (a table of contents) and cites the next article of its product,
 * so each article but the first is "referenced by" its predecessor.
 *
 * @param source the source tree's folder
 */
record FixtureKb(Path source) {

    /** The big product: more articles than a listing page holds (about 100). */
    static final String PRODUCT = "Contoso Widget Server";
    static final String SMALL_PRODUCT = "Contoso Gadget Studio";
    static final int ARTICLES = 250;
    static final int SMALL_ARTICLES = 12;
    /** The first article's number; articles are numbered on from it. */
    static final int FIRST = 950_000;
    static final String SITE_TITLE = "Contoso Help Centre";

    private static final List<String> SUBJECTS = List.of("Widget Cache", "Queue Service", "Replication Agent",
            "Admin Console", "Setup Program", "Backup Job", "License Manager", "Event Log", "Web Connector",
            "Scheduler", "Report Designer", "Import Wizard", "Mail Gateway");
    private static final List<String> PROBLEMS = List.of("Stops Responding After a Restart",
            "Reports Error 1053 at Startup", "Loses Its Settings After an Upgrade", "Runs Slowly With Many Users",
            "Does Not Start on a Domain Controller", "Writes Duplicate Entries to the Log",
            "Rejects Passwords Longer Than 14 Characters", "Cannot Find the Configuration File");
    private static final List<String> KINDS = List.of("kbbug", "kbhowto", "kbinfo", "kbprb");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    /** Writes the source tree into {@code source} (which need not exist). */
    static FixtureKb write(Path source) {
        FixtureKb kb = new FixtureKb(source);
        kb.file("_config.yml", """
                title: "%s"
                description: "Answers for Contoso's server products"
                url: "http://localhost:4000"
                baseurl: ""
                """.formatted(SITE_TITLE));
        kb.file("index.md", """
                ---
                layout: page
                title: Home
                permalink: /
                ---

                Welcome to the %s. Browse the articles by product, by kind or by year,
                or search them by words or by article ID.
                """.formatted(SITE_TITLE));
        for (int i = 0; i < ARTICLES; i++) {
            kb.article(i, PRODUCT, "CWS", "kbcws300", i + 1 < ARTICLES ? i + 1 : -1);
        }
        for (int i = ARTICLES; i < ARTICLES + SMALL_ARTICLES; i++) {
            kb.article(i, SMALL_PRODUCT, "CGS", "kbcgs100", i + 1 < ARTICLES + SMALL_ARTICLES ? i + 1 : -1);
        }
        return kb;
    }

    /** The ID of the article numbered {@code n} from the first ({@code Q950007}). */
    static String id(int n) {
        return "Q" + (FIRST + n);
    }

    /** The article's title after its ID, as the heading shows it. */
    static String title(int n) {
        String prefix = n < ARTICLES ? "CWS" : "CGS";
        // Subjects and problems cycle at different periods: titles are not in ID order.
        return prefix + ": " + SUBJECTS.get(n % SUBJECTS.size()) + " " + PROBLEMS.get((n / 3) % PROBLEMS.size())
                + " (" + (n + 1) + ")";
    }

    /** The article's canonical path below the base URL ({@code /kb/950/Q950007/}). */
    static String path(int n) {
        int number = FIRST + n;
        return "/kb/%03d/Q%d/".formatted(number / 1000, number);
    }

    private void article(int n, String product, String prefix, String productKeyword, int cites) {
        String id = id(n);
        String kind = KINDS.get(n % KINDS.size());
        String date = "%02d-%s-%d".formatted(1 + n % 28, MONTHS.get(n % 12), 1999 + n % 4);
        String subject = SUBJECTS.get(n % SUBJECTS.size());
        StringBuilder body = new StringBuilder();
        body.append("""
                Article: %s
                Product(s): %s
                Version(s): 3.0
                Operating System(s):\s
                Keyword(s): %s %s
                Last Modified: %s

                -------------------------------------------------------------------------------
                The information in this article applies to:

                - %s version 3.0
                -------------------------------------------------------------------------------

                SYMPTOMS
                ========

                When you use the %s of %s version 3.0, it may stop
                working as expected. Users see the hourglass pointer for several minutes,
                and the event log records a warning for each request that times out.

                CAUSE
                =====

                The %s keeps a lock on its working folder while it waits for the
                directory service. When the directory service is slow to answer, every later
                request waits for the same lock.

                RESOLUTION
                ==========

                To resolve this problem, follow these steps:

                1. Stop the %s from the Services tool in Control Panel.

                2. Delete the temporary files in the working folder:

                  C:\\> del /q "%%ProgramFiles%%\\Contoso\\Work\\*.tmp"

                3. Start the service again.

                MORE INFORMATION
                ================

                The lock is held for at most 90 seconds, so the problem goes away without any
                action on a lightly loaded server.
                """.formatted(id, product, productKeyword, kind, date, product, subject, product, subject, subject));
        if (cites >= 0) {
            body.append("""

                    For related information, see the following article in the Contoso Knowledge
                    Base:

                      %s %s
                    """.formatted(id(cites), title(cites)));
        }
        body.append("""

                Additional query words: %s widget lock timeout

                ======================================================================
                Keywords          : %s %s
                Technology        : kb%sSearch
                Version           : :3.0
                Issue type        : %s

                =============================================================================
                """.formatted(prefix.toLowerCase(Locale.ROOT), productKeyword, kind, prefix, kind));
        String tabbed = body.toString().lines().map(line -> "\t" + line).reduce("", (a, b) -> a + b + "\n");
        file(path(n).substring(1) + "README.md", """
                ---
                layout: page
                title: "%s: %s"
                permalink: %s
                ---

                ## %s: %s

                {%% raw %%}

                %s
                {%% endraw %%}
                """.formatted(id, title(n), path(n), id, title(n), tabbed));
    }

    private void file(String relative, String text) {
        try {
            Path file = source.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
