using MotionServer.Emulator.Tracks;
using MotionServer.Pipeline.Tests.Tracks.Oao;
using MotionServer.Pipeline.Tracks;
using MotionServer.Pipeline.Tracks.Oao;
using MotionServer.Pipeline.Tracks.Verification;
using static MotionServer.Pipeline.Tests.Tracks.Verification.VerificationSamples;

namespace MotionServer.Pipeline.Tests.Tracks.Verification;

public sealed class TrackVerifierTests
{
    public static TheoryData<string> Shapes => ["padded 5 Hz", "plain 5 Hz", "1 Hz", "2 Hz", "10 Hz", "older firmware", "ESP-GPS header", "5D 7D tail", "extra headers", "empty log", "never sailed",
        "unknown 1,024 bytes after the header", "zeroed 1,024 bytes after the header", "unknown 1,024 bytes at the end"];

    /// <summary>Every shape of healthy file the format notes describe (§8): none may be flagged.</summary>
    private static (byte[] Content, GeneratedTrack Track) Healthy(string shape)
    {
        var track = shape switch
        {
            "plain 5 Hz" => SyntheticTrack.Generate(Spec(padding: false)),
            "1 Hz" => SyntheticTrack.Generate(Spec(frequency: 1, minutes: 30)),
            "2 Hz" => SyntheticTrack.Generate(Spec(frequency: 2)),
            "10 Hz" => SyntheticTrack.Generate(Spec(frequency: 10)),
            "empty log" => SyntheticTrack.Generate(Spec(minutes: 0)),
            "never sailed" => SyntheticTrack.Generate(Spec(knots: 0)),
            _ => SyntheticTrack.Generate(Spec()),
        };
        byte[] content = shape switch
        {
            // Older firmware left the 2 s table, firmware, time zone and frequency unused (zero): "not recorded".
            "older firmware" => WithHeader(track.Content, h => h with { BestsOver2s = [], Firmware = 0, TimezoneMinutes = 0, FrequencyHz = 0 }),
            // ESP-GPS: only the mode and the identifier are set.
            "ESP-GPS header" => WithHeader(track.Content, _ => new OaoHeader { Identifier = 987 }),
            "5D 7D tail" => [.. track.Content, 0x5D, 0x7D],
            "extra headers" => InsertHeaderMidway(track.Content),
            // What the 1,024 bytes devices serve beyond a header and the frames hold is unknown (§8): whatever they are,
            // right after the header or at the very end, a healthy track must not be flagged for them.
            "unknown 1,024 bytes after the header" => Fill(track.Content, OaoFrame.HeaderLength, 1024, 0xEE),
            "zeroed 1,024 bytes after the header" => ZeroedPaddingHeaders(track.Content),
            "unknown 1,024 bytes at the end" => [.. track.Content.AsSpan(0, OaoFrame.HeaderLength), .. track.Content.AsSpan(3 * OaoFrame.HeaderLength), .. Enumerable.Repeat((byte)0xEE, 1024)],
            _ => track.Content,
        };
        return (content, track);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Verify_HealthyTrackOfEveryShape_IsValidAndItsSummaryIsTheGenerators(string shape)
    {
        var (content, track) = Healthy(shape);
        var claims = shape == "ESP-GPS header" ? null : ClaimsOf(track);

        var verdict = TrackVerifier.Verify(content, claims);

        verdict.IsValid.Should().BeTrue(verdict.ToString());
        verdict.ToString().Should().Be("valid");
        if (shape.StartsWith("unknown", StringComparison.Ordinal) || shape.StartsWith("zeroed", StringComparison.Ordinal))
        {
            verdict.Notes.Should().Contain(n => n.EndsWith("within the 1,024 unexplained bytes devices serve: not flagged", StringComparison.Ordinal));
        }
        if (verdict.Summary.FrameCount > 0)
        {
            verdict.Summary.StartDate.Should().Be(track.StartDate);
            verdict.Summary.EndDate.Should().Be(track.EndDate);
            verdict.Summary.Duration.Should().Be(track.Duration);
            verdict.Summary.Distance.Should().Be(track.Distance);
            verdict.Summary.Best2s.Should().Be(track.Best2s);
            verdict.Summary.Best10s.Should().Be(track.Best10s);
            verdict.Summary.Best500m.Should().Be(track.Best500m);
        }
    }

    [Theory]
    [InlineData(TrackDamageKind.FlippedByte, TrackDefectKind.BadChecksum, "bad checksum in frame 0x0AD")]
    [InlineData(TrackDamageKind.CutMidFrame, TrackDefectKind.Truncated, "cut mid-frame: the last 26 bytes")]
    [InlineData(TrackDamageKind.BadHeaderChecksum, TrackDefectKind.BadChecksum, "bad checksum in the header frame at offset 0")]
    [InlineData(TrackDamageKind.UnknownBytes, TrackDefectKind.UnknownBytes, "37 unknown bytes at offset ")]
    public void Verify_EachKindOfDamage_IsDamagedWithThatDefect(TrackDamageKind damage, object expected, string text)
    {
        var track = SyntheticTrack.Generate(Spec());

        var verdict = TrackVerifier.Verify(TrackDamage.Apply(track.Content, damage), ClaimsOf(track));

        verdict.IsValid.Should().BeFalse();
        verdict.Word.Should().Be("damaged");
        verdict.Defects.Should().Contain(d => d.Kind == (TrackDefectKind)expected && d.Text.StartsWith(text, StringComparison.Ordinal), verdict.ToString());
        verdict.ToString().Should().StartWith("damaged: ");
    }

    [Fact]
    public void Verify_FlippedByte_NamesTheFrameAndItsOffset()
    {
        var track = SyntheticTrack.Generate(Spec());
        var damaged = TrackDamage.Apply(track.Content, TrackDamageKind.FlippedByte);
        int offset = Enumerable.Range(0, damaged.Length).First(i => damaged[i] != track.Content[i]) - OaoGnssFrame.SpeedOffset;

        var verdict = TrackVerifier.Verify(damaged);

        verdict.Defects.Should().ContainSingle().Which.Text.Should().MatchRegex($"^bad checksum in frame 0x0AD[45] at offset {offset}$");
        verdict.Summary.FrameCount.Should().Be(OaoReader.Read(track.Content).Frames.Count - 1, "the bad frame is not used");
    }

    [Fact]
    public void Verify_CutMidFrame_WithTheCutSizeAnnounced_IsTruncatedAndDisagreesWithTheDevice()
    {
        var track = SyntheticTrack.Generate(Spec());

        var verdict = TrackVerifier.Verify(TrackDamage.Apply(track.Content, TrackDamageKind.CutMidFrame), ClaimsOf(track));

        verdict.Defects.Select(d => d.Kind).Should().Contain([TrackDefectKind.Truncated, TrackDefectKind.HeaderMismatch, TrackDefectKind.DeviceMismatch]);
        verdict.Defects.Should().Contain(d => d.Text.StartsWith("header end_date is ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_FramesBeforeTheHeader_IsAMisplacedHeader()
    {
        var track = SyntheticTrack.Generate(Spec(padding: false));
        byte[] frames = FramesOnly(track, out _);

        var verdict = TrackVerifier.Verify([.. frames, .. track.Content.AsSpan(0, OaoFrame.HeaderLength)]);

        verdict.Defects.Should().ContainSingle(d => d.Kind == TrackDefectKind.MisplacedHeader);
    }

    [Fact]
    public void Verify_NoHeaderAtAll_IsAMissingHeader()
    {
        var track = SyntheticTrack.Generate(Spec(padding: false));

        var verdict = TrackVerifier.Verify(FramesOnly(track, out _), ClaimsOf(track));

        verdict.Defects.Should().ContainSingle().Which.Kind.Should().Be(TrackDefectKind.MissingHeader);
        verdict.Summary.Best500m.Should().Be(track.Best500m, "the frames are still summarised");
    }

    [Fact]
    public void Verify_EmptyFile_IsAMissingHeader()
    {
        TrackVerifier.Verify([]).Defects.Should().ContainSingle().Which.Text.Should().Be("the file is empty (no header frame)");
    }

    [Theory]
    [InlineData("2s")]
    [InlineData("10s")]
    [InlineData("500m")]
    [InlineData("start")]
    [InlineData("end")]
    public void Verify_HeaderFigureOff_IsAHeaderMismatch(string figure)
    {
        var track = SyntheticTrack.Generate(Spec());
        var content = WithHeader(track.Content, h => figure switch
        {
            "2s" => h with { BestsOver2s = [h.BestsOver2s[0] with { Value = h.BestsOver2s[0].Value + 1 }] },
            "10s" => h with { BestsOver10s = [h.BestsOver10s[0] with { Value = h.BestsOver10s[0].Value - 1 }] },
            "500m" => h with { BestsOver500m = [h.BestsOver500m[0] with { Value = h.BestsOver500m[0].Value + 1 }] },
            "start" => h with { StartDate = h.StartDate - 1000 },
            _ => h with { EndDate = h.EndDate + 601 },
        });

        var verdict = TrackVerifier.Verify(content, ClaimsOf(track));

        verdict.Defects.Should().NotBeEmpty().And.OnlyContain(d => d.Kind == TrackDefectKind.HeaderMismatch && d.Text.StartsWith("header ", StringComparison.Ordinal));
        verdict.Defects[0].Text.Should().Contain(figure switch { "2s" => "best 2 s", "10s" => "best 10 s", "500m" => "best 500 m", "start" => "start_date", _ => "end_date" });
    }

    [Fact]
    public void Verify_DeviceFigureOff_WithoutAHeaderSummary_IsADeviceMismatch()
    {
        var track = SyntheticTrack.Generate(Spec());
        var content = WithHeader(track.Content, _ => new OaoHeader { Identifier = 817 });

        var verdict = TrackVerifier.Verify(content, ClaimsOf(track) with { Best500m = track.Best500m + 1 });

        verdict.Defects.Should().ContainSingle().Which.Text.Should().Be($"logs.json best 500 m {track.Best500m + 1} mm/s, frames {track.Best500m} mm/s");
        verdict.Defects[0].Kind.Should().Be(TrackDefectKind.DeviceMismatch);
    }

    [Fact]
    public void Verify_DeviceFigureOff_NextToAHeaderThatAgreesWithItsFrames_IsOnlyANote()
    {
        // That devices fill logs.json from the header is unconfirmed (§7): the file itself is whole and consistent.
        var track = SyntheticTrack.Generate(Spec());

        var verdict = TrackVerifier.Verify(track.Content, ClaimsOf(track) with { Best500m = track.Best500m + 1 });

        verdict.IsValid.Should().BeTrue();
        verdict.Notes.Should().Contain(n => n.StartsWith($"logs.json best 500 m {track.Best500m + 1} mm/s, frames {track.Best500m} mm/s (not flagged: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ZeroFiguresInLogsJson_AreNotRecordedNotMismatches()
    {
        var track = SyntheticTrack.Generate(Spec());

        TrackVerifier.Verify(track.Content, TrackFigures.None).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(0.97, true)] // the plain Doppler sum is 0.3–5 % above a real header: tolerated, with a note
    [InlineData(1.00, true)]
    [InlineData(0.50, false)] // half the distance is not the same log
    [InlineData(1.50, false)]
    public void Verify_HeaderDistance_IsComparedLooselyAndSaysSo(double factor, bool valid)
    {
        var track = SyntheticTrack.Generate(Spec(minutes: 20));
        var content = WithHeader(track.Content, h => h with { Distance = (uint)(h.Distance * factor) });

        var verdict = TrackVerifier.Verify(content);

        verdict.IsValid.Should().Be(valid, verdict.ToString());
        if (valid)
        {
            verdict.Notes.Should().Contain(n => n.StartsWith("header distance ", StringComparison.Ordinal) && n.EndsWith("compared loosely (the device's rule is unknown)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Verify_BestOffInALogWithGaps_IsOnlyANote()
    {
        // The device's rule for windows across gaps is unknown (§9): such a difference must not flag a real log.
        var frames = OaoTestVectors.Frames(600);
        for (int i = 300; i < frames.Length; i++)
        {
            frames[i] = frames[i] with { Utc = frames[i].Utc + 60_000 };
        }

        var header = OaoSummaryCalculator.Calculate(frames, 5).ApplyTo(new OaoHeader { Identifier = 817, FrequencyHz = 5 });
        header = header with { BestsOver2s = [header.BestsOver2s[0] with { Value = header.BestsOver2s[0].Value + 3 }] };

        var verdict = TrackVerifier.Verify(OaoWriter.Write(header, frames));

        verdict.IsValid.Should().BeTrue(verdict.ToString());
        verdict.Notes.Should().Contain(n => n.StartsWith("header best 2 s ", StringComparison.Ordinal) && n.Contains("gaps", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_EndMarkerWithFramesAfterIt_IsDamaged()
    {
        var track = SyntheticTrack.Generate(Spec(padding: false));
        var frames = FramesOnly(track, out int headerBytes);
        byte[] content = [.. track.Content.AsSpan(0, headerBytes + (100 * OaoFrame.GnssLength)), 0x5D, 0x7D, .. frames.AsSpan(100 * OaoFrame.GnssLength)];

        var verdict = TrackVerifier.Verify(content);

        verdict.Defects.Should().Contain(d => d.Kind == TrackDefectKind.UnknownBytes && d.Text.StartsWith("end marker 5D 7D at offset ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_TestVectorFrames_PassTheirChecksumsAndDecode()
    {
        // §12: the sample's first two GNSS frames behind an identifier-only header (so nothing is compared).
        var header = new byte[OaoFrame.HeaderLength];
        new OaoHeader { Identifier = 470 }.WriteTo(header);
        byte[] content = [.. header, .. OaoTestVectors.FirstFrame, .. OaoTestVectors.FirstAlignedFrame];

        var verdict = TrackVerifier.Verify(content);

        verdict.IsValid.Should().BeTrue(verdict.ToString());
        verdict.Summary.FrameCount.Should().Be(2);
        verdict.Summary.EndDate.Should().Be(1_663_676_977_000);
    }

    [Fact]
    public void VerifyFile_MissingFile_IsUnreadable()
    {
        var verdict = TrackVerifier.VerifyFile(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.oao"));

        verdict.Defects.Should().ContainSingle().Which.Kind.Should().Be(TrackDefectKind.Unreadable);
    }

    [Fact]
    public void Verify_StrayByteAfterEveryFrame_ShowsFiveRunsAndCountsTheRestInOneLine()
    {
        var track = SyntheticTrack.Generate(Spec(padding: false));
        byte[] content = OaoFrameWalkerTests.WithStrayBytes(track.Content);
        int runs = OaoReader.Read(content).Anomalies.Count(a => a.Kind == OaoAnomalyKind.Resynchronised);

        var verdict = TrackVerifier.Verify(content, ClaimsOf(track));

        runs.Should().BeGreaterThan(2_000);
        verdict.ToString().Length.Should().BeLessThan(2_000);
        verdict.Defects.Where(d => d.Kind == TrackDefectKind.UnknownBytes).Should().HaveCount(CappedDefects.Shown + 1)
            .And.EndWith(new TrackDefect(TrackDefectKind.UnknownBytes, $"and {runs - CappedDefects.Shown:N0} more unknown-byte runs"));
        verdict.Summary.FrameCount.Should().Be(OaoReader.Read(track.Content).Frames.Count);
    }

    [Fact]
    public void Verify_ManyFramesWithABadChecksum_CountsThemAllInOneLine()
    {
        var track = SyntheticTrack.Generate(Spec(padding: false));
        var content = (byte[])track.Content.Clone();
        int damaged = 0;
        for (int offset = OaoFrame.HeaderLength + OaoGnssFrame.SpeedOffset; offset < content.Length; offset += 2 * OaoFrame.GnssLength, damaged++)
        {
            content[offset] ^= 0xFF;
        }

        var verdict = TrackVerifier.Verify(content);

        verdict.Defects.Where(d => d.Kind == TrackDefectKind.BadChecksum).Should().ContainSingle()
            .Which.Text.Should().Be($"{damaged:N0} frames with a bad checksum, the first 0x0AD5 at offset {OaoFrame.HeaderLength}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TrackDamageKind.FlippedByte)]
    [InlineData(TrackDamageKind.CutMidFrame)]
    [InlineData(TrackDamageKind.UnknownBytes)]
    public void VerifyFile_FileOnDisk_GivesTheVerdictOfTheSameBytesInMemory(TrackDamageKind? damage)
    {
        var track = SyntheticTrack.Generate(Spec(frequency: 10));
        byte[] content = damage is { } kind ? TrackDamage.Apply(track.Content, kind) : track.Content;
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(path, content);
        try
        {
            var fromDisk = TrackVerifier.VerifyFile(path, ClaimsOf(track));

            var inMemory = TrackVerifier.Verify(content, ClaimsOf(track));
            fromDisk.Defects.Should().Equal(inMemory.Defects);
            fromDisk.Notes.Should().Equal(inMemory.Notes);
            fromDisk.Summary.Should().Be(inMemory.Summary);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void VerifyFile_SinkAlongside_ReceivesEveryFrameOfTheSamePass()
    {
        var track = SyntheticTrack.Generate(Spec());
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(path, track.Content);
        var alongside = new OaoFrameCollector();
        try
        {
            TrackVerifier.VerifyFileOrReport(path, ClaimsOf(track), alongside).IsValid.Should().BeTrue();
        }
        finally
        {
            File.Delete(path);
        }

        var all = OaoReader.Read(track.Content);
        alongside.Frames.Should().Equal(all.Frames);
        alongside.Headers.Should().Equal(all.Headers);
    }

    [Fact]
    public void VerifyFileOrReport_Cancelled_ThrowsRatherThanCallingTheTrackUnreadable()
    {
        var track = SyntheticTrack.Generate(Spec());
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.oao");
        File.WriteAllBytes(path, track.Content);
        try
        {
            var verifying = () => TrackVerifier.VerifyFileOrReport(path, ClaimsOf(track), cancellationToken: new CancellationToken(canceled: true));

            verifying.Should().Throw<OperationCanceledException>();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Fill(byte[] content, int offset, int count, byte value)
    {
        var bytes = (byte[])content.Clone();
        bytes.AsSpan(offset, count).Fill(value);
        return bytes;
    }

    /// <summary>Two header frames whose every byte but the mode is zero (checksums included: both frames are bad).</summary>
    private static byte[] ZeroedPaddingHeaders(byte[] content)
    {
        var bytes = Fill(content, OaoFrame.HeaderLength, 1024, 0);
        bytes[OaoFrame.HeaderLength] = bytes[2 * OaoFrame.HeaderLength] = 0xD0;
        bytes[OaoFrame.HeaderLength + 1] = bytes[(2 * OaoFrame.HeaderLength) + 1] = 0x0A;
        return bytes;
    }

    private static byte[] InsertHeaderMidway(byte[] content)
    {
        // Extra 0x0AD0 frames are accepted anywhere (§8): one with only the identifier, between two GNSS frames.
        var extra = new byte[OaoFrame.HeaderLength];
        new OaoHeader { Identifier = 817 }.WriteTo(extra);
        int at = (3 * OaoFrame.HeaderLength) + (200 * OaoFrame.GnssLength);
        return [.. content.AsSpan(0, at), .. extra, .. content.AsSpan(at)];
    }
}
