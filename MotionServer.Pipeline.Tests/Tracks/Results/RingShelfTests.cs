using MotionServer.Pipeline.Tracks.Results;

namespace MotionServer.Pipeline.Tests.Tracks.Results;

/// <summary>The rings kept between track passes: a bounded few, the largest, each handed out cleared.</summary>
public sealed class RingShelfTests
{
    [Fact]
    public void RingsOfFourSizesGivenBack_KeepsOnlyTheTwoLargest()
    {
        var shelf = new RingShelf<long>(2);
        var rings = new[] { 4_096, 32_768, 8_192, 16_384 }.Select(shelf.Take).ToArray();
        foreach (var ring in rings)
        {
            shelf.Put(ring);
        }

        var first = shelf.Take(1_024);
        var second = shelf.Take(1_024);
        var third = shelf.Take(1_024);

        first.Should().BeSameAs(rings[3], "the smallest kept ring that fits: 16,384");
        second.Should().BeSameAs(rings[1], "then the 32,768");
        third.Should().NotBeSameAs(rings[0]).And.NotBeSameAs(rings[2], "the 4,096 and 8,192 were let go");
        third.Should().HaveCount(1_024, "a new ring is of the size asked for");
    }

    [Fact]
    public void ARequestLargerThanEveryKeptRing_GetsANewRing_AndTheSmallRingsStayKept()
    {
        var shelf = new RingShelf<double>(2);
        var small = shelf.Take(4_096);
        shelf.Put(small);

        var large = shelf.Take(65_536);

        large.Should().NotBeSameAs(small).And.HaveCount(65_536);
        shelf.Take(4_096).Should().BeSameAs(small);
    }

    [Fact]
    public void AKeptRing_IsClearedOverTheCapacityAsked()
    {
        var shelf = new RingShelf<long>(1);
        var ring = shelf.Take(8);
        Array.Fill(ring, 7L);
        shelf.Put(ring);

        var again = shelf.Take(4);

        again.Should().BeSameAs(ring);
        again.Take(4).Should().AllBeEquivalentTo(0L, "a pass finds its entries as a new ring has them");
    }

    [Fact]
    public void AFullShelf_LetsASmallerRingGo()
    {
        var shelf = new RingShelf<long>(1);
        var large = shelf.Take(16);
        shelf.Put(large);

        shelf.Put(new long[8]);

        shelf.Take(8).Should().BeSameAs(large);
    }
}
