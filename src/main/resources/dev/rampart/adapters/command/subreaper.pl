# Runs one command of Rampart's command adapter so that nothing it starts can outlive it (decision 0020).
# This process leads its own session, is the "child subreaper" of everything below it (prctl
# PR_SET_CHILD_SUBREAPER: orphans come to it, not to init, even after setsid and with a cleared environment),
# and dies with Rampart (PR_SET_PDEATHSIG). When the command exits, or when Rampart sends SIGTERM at the
# timeout, it kills every process that is still below it, reaps them, and writes how many to REPORT.
# Usage: perl -e SCRIPT REPORT PROGRAM ARGS...   With no PROGRAM it only checks that it can be a subreaper.
use strict;
use POSIX ();

my %prctl = (x86_64 => 157, aarch64 => 167, riscv64 => 167, loongarch64 => 167, i386 => 172, i686 => 172,
             armv7l => 172, armv6l => 172, ppc64le => 171, ppc64 => 171, s390x => 172);
my $nr = $prctl{(POSIX::uname())[4]};
exit 125 unless defined $nr;
exit 125 unless syscall($nr, 36, 1, 0, 0, 0) == 0;    # PR_SET_CHILD_SUBREAPER
syscall($nr, 1, 15, 0, 0, 0);                          # PR_SET_PDEATHSIG: SIGTERM when Rampart goes
POSIX::setsid();
my $report = shift @ARGV;
exit 0 unless @ARGV;

my $child = fork();
exit 126 unless defined $child;
if ($child == 0) {
    $SIG{$_} = 'DEFAULT' for qw(TERM INT HUP);
    exec { $ARGV[0] } @ARGV;
    print STDERR "could not be started: $ARGV[0]: $!\n";
    POSIX::_exit(127);
}
$SIG{$_} = sub { kill 'KILL', $child } for qw(TERM INT HUP);
my $status = -1;
while (1) {
    my $w = waitpid($child, 0);
    if ($w == $child) { $status = $?; last; }
    last if $w == -1 && !$!{EINTR};
}

sub children {
    my @kids;
    opendir(my $d, '/proc') or return ();
    for my $p (grep { /^\d+$/ } readdir $d) {
        open(my $f, '<', "/proc/$p/stat") or next;
        my $stat = <$f>;
        close $f;
        next unless defined $stat && $stat =~ /\)\s+(\S)\s+(\d+)/;
        push @kids, [$p, $1] if $2 == $$;
    }
    closedir $d;
    return @kids;
}

# Every process still below us is a leftover: kill it; its own children then come to us, and so on.
my %killed;
while (1) {
    my @kids = children();
    last unless @kids;
    for my $k (grep { $_->[1] ne 'Z' } @kids) {
        $killed{$k->[0]} = 1 if kill('KILL', $k->[0]);
    }
    1 while waitpid(-1, POSIX::WNOHANG()) > 0;
    select(undef, undef, undef, 0.005);
}
if (open(my $r, '>', $report)) { print $r scalar(keys %killed), "\n"; close $r; }
exit(POSIX::WIFEXITED($status) ? POSIX::WEXITSTATUS($status)
     : POSIX::WIFSIGNALED($status) ? 128 + POSIX::WTERMSIG($status) : 125);
