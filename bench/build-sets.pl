#!/usr/bin/env perl
# The source sets of bench/build.sh (run by it; plain Perl 5, no modules beyond the core):
#
#   build-sets.pl double SRC DST OFFSET
#       DST holds a copy of the Jekyll source tree SRC (the dev corpus); adds to it a renumbered
#       copy of every article of SRC (kb/NNN/QID/README.md): each ID that SRC holds becomes
#       ID + OFFSET wherever the copy names it (folder, permalink, the title's "Qnnn:" prefix, the
#       "Article:" header, citations), so the copy's citations point into the copy; the
#       listing pages (id/*/README.md) list the copies too, after the originals. IDs of SRC + OFFSET must
#       not be IDs of SRC (the dev corpus holds the even thousands, OFFSET 1000 gives the odd ones,
#       like the whole archive). Prints the number of articles written.
#
#   build-sets.pl hugo SRC DST
#       Writes the articles of SRC as a Hugo site's content in DST/content: each article a leaf
#       bundle content/kb/NNN/QID/index.md with just its title in front matter and its Markdown
#       body, Jekyll's {% raw %} and {% endraw %} tags removed. Prints the number of articles.
use strict;
use warnings;

my $mode = shift @ARGV // '';
if ($mode eq 'double') {
    double(@ARGV);
} elsif ($mode eq 'hugo') {
    hugo(@ARGV);
} else {
    die "usage: build-sets.pl double SRC DST OFFSET | hugo SRC DST\n";
}

# The articles of a source tree: [folder, ID number, path], in ID order.
sub articles {
    my ($src) = @_;
    my @found;
    opendir(my $kb, "$src/kb") or die "build-sets.pl: no $src/kb: $!\n";
    for my $folder (sort grep { /^\d+$/ } readdir $kb) {
        opendir(my $d, "$src/kb/$folder") or die "build-sets.pl: $src/kb/$folder: $!\n";
        for my $q (grep { /^Q\d+$/ } readdir $d) {
            my $path = "$src/kb/$folder/$q/README.md";
            push @found, [$folder, substr($q, 1), $path] if -f $path;
        }
        closedir $d;
    }
    closedir $kb;
    return sort { $a->[1] <=> $b->[1] } @found;
}

sub slurp {
    my ($path) = @_;
    open(my $in, '<:raw', $path) or die "build-sets.pl: cannot read $path: $!\n";
    local $/;
    my $text = <$in>;
    close $in;
    return $text;
}

sub spew {
    my ($path, $text) = @_;
    my $dir = $path =~ s{/[^/]+$}{}r;
    make_path($dir);
    open(my $out, '>:raw', $path) or die "build-sets.pl: cannot write $path: $!\n";
    print $out $text;
    close $out or die "build-sets.pl: cannot write $path: $!\n";
}

sub make_path {
    my ($dir) = @_;
    return if -d $dir;
    my $parent = $dir =~ s{/[^/]+$}{}r;
    make_path($parent) if $parent ne $dir && $parent ne '';
    mkdir $dir or -d $dir or die "build-sets.pl: cannot create $dir: $!\n";
}

# The archive's folder of an article ID: its thousands, three digits (Q194583 -> 194).
sub folder { return sprintf('%03d', int($_[0] / 1000)); }

sub double {
    my ($src, $dst, $offset) = @_;
    die "usage: build-sets.pl double SRC DST OFFSET\n" unless defined $offset && $offset =~ /^\d+$/;
    my @articles = articles($src);
    die "build-sets.pl: no articles under $src/kb\n" unless @articles;
    my %ids = map { $_->[1] => 1 } @articles;
    for my $id (keys %ids) {
        die "build-sets.pl: Q$id + $offset = Q" . ($id + $offset) . " is already an article of $src; choose another offset\n"
            if $ids{$id + $offset};
    }
    # Every ID the dev corpus holds moves; other numbers (citations of articles outside it) stay.
    my $renumber = sub {
        my ($text) = @_;
        $text =~ s/(?<![A-Za-z0-9])Q(\d+)(?!\d)/'Q' . ($ids{$1} ? $1 + $offset : $1)/ge;
        return $text;
    };
    my $written = 0;
    for my $a (@articles) {
        my ($folder, $id, $path) = @$a;
        my $new = $id + $offset;
        my $text = $renumber->(slurp($path));
        $text =~ s{^permalink: /kb/\d+/Q(\d+)/[ \t]*$}{"permalink: /kb/" . folder($1) . "/Q$1/"}me
            or die "build-sets.pl: $path: no permalink /kb/NNN/QID/ in its front matter\n";
        my $target = "$dst/kb/" . folder($new) . "/Q$new/README.md";
        die "build-sets.pl: $target exists already\n" if -e $target;
        spew($target, $text);
        $written++;
    }
    # Listing pages: each run of article lines is followed by the copies of its articles, in the same order.
    my $line = qr{^- \[Q(\d+):.*\]\(\.\./\.\./kb/\d+/Q\d+/\)[ \t]*$};
    for my $listing (glob("$dst/id/*/README.md")) {
        my @out;
        my @run;
        my $flush = sub {
            return unless @run;
            my @copies;
            for my $l (@run) {
                my ($id) = $l =~ $line;
                next unless $ids{$id};
                my $c = $renumber->($l);
                $c =~ s{\(\.\./\.\./kb/\d+/Q(\d+)/\)}{"(../../kb/" . folder($1) . "/Q$1/)"}e;
                push @copies, $c;
            }
            push @out, @run, @copies;
            @run = ();
        };
        for my $l (split /\n/, slurp($listing), -1) {
            if ($l =~ $line) {
                push @run, $l;
            } else {
                $flush->();
                push @out, $l;
            }
        }
        $flush->();
        spew($listing, join("\n", @out));
    }
    print "$written\n";
}

sub hugo {
    my ($src, $dst) = @_;
    die "usage: build-sets.pl hugo SRC DST\n" unless defined $dst;
    my $written = 0;
    for my $a (articles($src)) {
        my ($folder, $id, $path) = @$a;
        my $text = slurp($path);
        $text =~ /\A---\r?\n(.*?)\r?\n---[ \t]*\r?\n(.*)\z/s
            or die "build-sets.pl: $path: no front matter\n";
        my ($front, $body) = ($1, $2);
        my ($title) = $front =~ /^(title:.*)$/m
            or die "build-sets.pl: $path: no title in its front matter\n";
        $body =~ s/\{%-?\s*(?:end)?raw\s*-?%\}//g;
        spew("$dst/content/kb/$folder/Q$id/index.md", "---\n$title\n---\n$body");
        $written++;
    }
    print "$written\n";
}
