using System.Net;
using MotionServer.Pipeline.Detection.Dns;
using static MotionServer.Pipeline.Tests.Detection.Dns.DnsTestMessages;

namespace MotionServer.Pipeline.Tests.Detection.Dns;

public class DnsMessageTests
{
    private const ushort Id = 0x1234;
    private static readonly IPAddress Device = IPAddress.Parse("192.168.1.17");

    private static byte[] Query(string name, ushort id = Id)
    {
        var buffer = new byte[DnsMessage.MaxQueryLength];
        int length = DnsMessage.WriteQuery(buffer, id, name);
        return buffer[..length];
    }

    [Fact]
    public void WriteQuery_IsAnAQuestionWithRecursionDesired()
    {
        var query = Query("motion-817.lan");

        query.Should().Equal([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
            10, .. "motion-817"u8.ToArray(), 3, .. "lan"u8.ToArray(), 0, 0, 1, 0, 1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("motion-ü")]
    [InlineData("x.")]
    public void WriteQuery_NameDnsCannotCarry_WritesNothing(string name) =>
        DnsMessage.WriteQuery(new byte[DnsMessage.MaxQueryLength], Id, name).Should().Be(0);

    [Fact]
    public void WriteQuery_LabelOver63Bytes_WritesNothing() =>
        DnsMessage.WriteQuery(new byte[DnsMessage.MaxQueryLength], Id, new string('a', 64)).Should().Be(0);

    [Fact]
    public void ReadAnswer_ARecord_GivesItsAddress()
    {
        var answer = DnsMessage.ReadAnswer(Response(Query("motion-1"), NoError, records: [A(Device)]), Id, "motion-1");

        answer.Outcome.Should().Be(DnsOutcome.Found);
        answer.Addresses.Should().Equal(Device);
    }

    [Fact]
    public void ReadAnswer_QuestionInAnotherCase_IsStillOurs() =>
        DnsMessage.ReadAnswer(Response(Query("MOTION-1"), NoError, records: [A(Device)]), Id, "motion-1").Outcome.Should().Be(DnsOutcome.Found);

    [Theory]
    [InlineData(NameError, nameof(DnsOutcome.NoSuchName))]
    [InlineData(NoError, nameof(DnsOutcome.NoAddress))]
    [InlineData(ServerFailure, nameof(DnsOutcome.ServerFailure))]
    [InlineData(5, nameof(DnsOutcome.ServerFailure))] // REFUSED
    public void ReadAnswer_NoRecords_SaysWhyFromTheCode(int rcode, string outcome) =>
        DnsMessage.ReadAnswer(Response(Query("motion-1"), rcode), Id, "motion-1").Outcome.ToString().Should().Be(outcome);

    [Fact]
    public void ReadAnswer_Truncated_SaysSo() =>
        DnsMessage.ReadAnswer(Response(Query("motion-1"), NoError, truncated: true), Id, "motion-1").Outcome.Should().Be(DnsOutcome.Truncated);

    [Fact]
    public void ReadAnswer_AnotherId_IsNotOurs() =>
        DnsMessage.ReadAnswer(Response(Query("motion-1"), NoError, id: 0x4321, records: [A(Device)]), Id, "motion-1").Outcome.Should().Be(DnsOutcome.NotOurs);

    [Fact]
    public void ReadAnswer_AnotherQuestion_IsNotOurs() =>
        DnsMessage.ReadAnswer(Response(Query("motion-2"), NoError, records: [A(Device)]), Id, "motion-1").Outcome.Should().Be(DnsOutcome.NotOurs);

    [Fact]
    public void ReadAnswer_AQuery_IsNotAnAnswer() =>
        DnsMessage.ReadAnswer(Query("motion-1"), Id, "motion-1").Outcome.Should().Be(DnsOutcome.NotOurs);

    [Fact]
    public void ReadAnswer_AliasesBeforeTheAddress_FollowsTheChain()
    {
        var records = new[]
        {
            Cname(QuestionPointer, Name("alias.lan")),
            A(IPAddress.Parse("10.0.0.9"), Name("unrelated.lan")), // another name's address is not ours
            Cname(Name("ALIAS.lan"), Name("device.lan")),
            A(Device, Name("device.lan")),
        };

        var answer = DnsMessage.ReadAnswer(Response(Query("motion-1"), NoError, records: records), Id, "motion-1");

        answer.Outcome.Should().Be(DnsOutcome.Found);
        answer.Addresses.Should().Equal(Device);
    }

    [Fact]
    public void ReadAnswer_AnswerCountLargerThanTheRecords_KeepsWhatWasRead()
    {
        var response = Response(Query("motion-1"), NoError, records: [A(Device)]);
        response[7] = 9; // nine answers said, one given

        DnsMessage.ReadAnswer(response, Id, "motion-1").Addresses.Should().Equal(Device);
    }

    [Fact]
    public void ReadAnswer_EveryTruncationOfAnAnswer_GivesAValue()
    {
        var response = Response(Query("motion-1"), NoError, records: [Cname(QuestionPointer, Name("device.lan")), A(Device, Name("device.lan"))]);

        for (int length = 0; length < response.Length; length++)
        {
            var answer = DnsMessage.ReadAnswer(response.AsSpan(0, length), Id, "motion-1");
            answer.Outcome.Should().BeOneOf(DnsOutcome.NotOurs, DnsOutcome.NoAddress);
        }

        DnsMessage.ReadAnswer(response, Id, "motion-1").Outcome.Should().Be(DnsOutcome.Found);
    }

    [Fact]
    public void ReadAnswer_CompressionPointersInALoop_GivesAValue()
    {
        var response = Response(Query("motion-1"), NoError);
        int answerAt = response.Length;
        byte[] loop = [0xC0, (byte)answerAt]; // a record's name pointing at itself
        response = [.. response, .. A(Device, loop)];
        response[7] = 1;

        DnsMessage.ReadAnswer(response, Id, "motion-1").Outcome.Should().Be(DnsOutcome.NoAddress);

        byte[] question = [.. response];
        question[12] = 0xC0; // the question's name pointing at itself
        question[13] = 12;
        DnsMessage.ReadAnswer(question, Id, "motion-1").Outcome.Should().Be(DnsOutcome.NotOurs);
    }

    [Fact]
    public void ReadAnswer_RandomBytes_NeverThrows()
    {
        var random = new Random(19);
        var valid = Response(Query("motion-1"), NoError, records: [Cname(QuestionPointer, Name("device.lan")), A(Device, Name("device.lan"))]);
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(2, 600)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                // Half of them a valid answer with a few bytes changed: past the header checks, into the records.
                bytes = [.. valid];
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }
            else
            {
                bytes[0] = 0x12;
                bytes[1] = 0x34;
            }

            var read = () => DnsMessage.ReadAnswer(bytes, Id, "motion-1");
            read.Should().NotThrow();
        }
    }
}
