using System.Net;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotionServer.Pipeline.Graph;
using MotionServer.Pipeline.Stages;
using MotionServer.Pipeline.State;
using MotionServer.Pipeline.Tests.Support;

namespace MotionServer.Pipeline.Tests.Graph;

public sealed class DataflowBlocksTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly StageRig _rig = new(new FakeTimeProvider(), probe: new ScriptedConnectProbe(true), configure: null, 801, 802);
    private readonly TaskCompletionSource<(string Block, Exception Error)> _faulted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DataflowBlocks _blocks;

    public DataflowBlocksTests() =>
        _blocks = new DataflowBlocks(_rig.Guard, _rig.FleetLog.Server, (block, error) => _faulted.TrySetResult((block, error)));

    [Fact]
    public async Task Stage_WhoseLogicThrows_NeverFaults_AndGivesTheStagesOutcome()
    {
        var stage = new FakeDeviceStage<DeviceWork> { Run = _ => throw new InvalidOperationException("a defect") };
        var block = _blocks.Stage(stage, workers: 2);

        block.Post(_rig.Work(801)).Should().BeTrue();
        block.Post(_rig.Work(802)).Should().BeTrue();
        var outcomes = new[] { await block.ReceiveAsync(Timeout), await block.ReceiveAsync(Timeout) };
        block.Complete();
        await block.Completion.WaitAsync(Timeout);

        outcomes.Should().BeEquivalentTo(new StageOutcome[]
        {
            new DeviceFailed(_rig.Work(801), "unexpected InvalidOperationException: a defect"),
            new DeviceFailed(_rig.Work(802), "unexpected InvalidOperationException: a defect"),
        });
        block.Completion.IsCompletedSuccessfully.Should().BeTrue("one device's exception must never fault the block");
        _faulted.Task.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Stage_FedWithOutcomes_GivesAMisroutedOneBackAsAbandoned()
    {
        var stage = new FakeDeviceStage<DeviceDetected> { Name = "inspection", Run = d => Task.FromResult<StageOutcome>(new DeviceDone(d.Work)) };
        var block = _blocks.Stage(stage, workers: 1);

        block.Post(new DeviceDetected(_rig.Work(801), IPAddress.Loopback));
        block.Post(new DeviceDone(_rig.Work(802)));

        var outcomes = new[] { await block.ReceiveAsync(Timeout), await block.ReceiveAsync(Timeout) };
        outcomes.Should().BeEquivalentTo(new StageOutcome[] { new DeviceDone(_rig.Work(801)), new DeviceAbandoned(_rig.Work(802)) });
    }

    [Fact]
    public async Task Stage_RunsAsManyDevicesAtOnceAsItHasWorkers()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stage = new FakeDeviceStage<DeviceWork>
        {
            Run = async w =>
            {
                if (Interlocked.Increment(ref running) == 2)
                {
                    twoRunning.SetResult();
                }

                await gate.Task;
                return new DeviceDone(w);
            },
        };
        var block = _blocks.Stage(stage, workers: 2);

        block.Post(_rig.Work(801));
        block.Post(_rig.Work(802));

        await twoRunning.Task.WaitAsync(Timeout); // both at once: a worker does not wait for the other's device
        gate.SetResult();
        (await block.ReceiveAsync(Timeout)).Should().BeOfType<DeviceDone>();
        (await block.ReceiveAsync(Timeout)).Should().BeOfType<DeviceDone>();
    }

    [Fact]
    public async Task Sink_WhoseActionThrows_IsReportedLoudly_AndFailsThePipeline()
    {
        var sink = _blocks.Sink<StageOutcome>("sink", _ => throw new InvalidOperationException("release broke"));

        sink.Post(new DeviceDone(_rig.Work(801)));

        var (block, error) = await _faulted.Task.WaitAsync(Timeout);
        block.Should().Be("sink");
        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("release broke");
        _rig.Log.Lines.Should().ContainSingle(l => l.Level == LogLevel.Critical).Which.Message.Should()
            .Be("Pipeline failed - its sink block broke down (InvalidOperationException: release broke); the server stops");
    }

    [Fact]
    public async Task AnyBlock_CompletingNormally_IsNoFault()
    {
        var queue = _blocks.Queue<int>("connections");
        var sink = _blocks.Sink<int>("sink", _ => { });
        DataflowBlocks.Forward(queue, sink);

        queue.Post(1);
        queue.Complete();
        await sink.Completion.WaitAsync(Timeout);

        _faulted.Task.IsCompleted.Should().BeFalse();
        _rig.Log.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Queue_ThatFaults_IsReportedWithItsName()
    {
        var queue = _blocks.Queue<int>("downloads");

        ((IDataflowBlock)queue).Fault(new InvalidOperationException("plumbing"));

        (await _faulted.Task.WaitAsync(Timeout)).Block.Should().Be("downloads");
    }

    [Fact]
    public async Task Route_PropagatesCompletion_OnlyWhereAsked_WhicheverLinkIsMadeFirst()
    {
        var source = new BufferBlock<StageOutcome>();
        var notAsked = new BufferBlock<StageOutcome>();
        var asked = new BufferBlock<StageOutcome>();
        var alsoNotAsked = new BufferBlock<StageOutcome>();
        var last = new BufferBlock<StageOutcome>();
        DataflowBlocks.Route<DeviceFailed>(source, notAsked);
        DataflowBlocks.Route<DeviceDone>(source, asked, propagate: true);
        DataflowBlocks.Route(source, alsoNotAsked, _ => true);
        DataflowBlocks.Route<DeviceDone>(source, last, propagate: true);

        source.Complete();
        // Completion reaches the links in the order they were made: once the last one has it, every link has had its say.
        await Task.WhenAll(asked.Completion, last.Completion).WaitAsync(Timeout);

        notAsked.Post(new DeviceDone(_rig.Work(801))).Should().BeTrue("a link made before a propagating one keeps its own options");
        alsoNotAsked.Post(new DeviceDone(_rig.Work(801))).Should().BeTrue("a link made after a propagating one gets options of its own");
    }

    [Fact]
    public async Task Route_SendsEachOutcomeTypeOnlyToItsTarget()
    {
        var source = new BufferBlock<StageOutcome>();
        var failures = new BufferBlock<StageOutcome>();
        var rest = new BufferBlock<StageOutcome>();
        DataflowBlocks.Route<DeviceFailed>(source, failures);
        DataflowBlocks.Route(source, rest, o => o is not DeviceFailed);

        source.Post(new DeviceDone(_rig.Work(801)));
        source.Post(new DeviceFailed(_rig.Work(802), "x"));

        (await failures.ReceiveAsync(Timeout)).Should().Be(new DeviceFailed(_rig.Work(802), "x"));
        (await rest.ReceiveAsync(Timeout)).Should().Be(new DeviceDone(_rig.Work(801)));
        failures.Count.Should().Be(0);
        rest.Count.Should().Be(0);
    }

    [Fact]
    public async Task Forward_PropagatesCompletion()
    {
        var source = new BufferBlock<int>();
        var target = new BufferBlock<int>();
        DataflowBlocks.Forward(source, target);

        source.Complete();

        await target.Completion.WaitAsync(Timeout);
        target.Completion.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Waiting_LetsEveryItemWaitAtOnce_SoALongWaitHoldsBackNoOther()
    {
        var longWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = _blocks.Waiting<int, int>("retry pacer", async n =>
        {
            if (n == 1)
            {
                await longWait.Task;
            }

            return [n];
        });

        waiting.Post(1);
        waiting.Post(2);

        (await waiting.ReceiveAsync(Timeout)).Should().Be(2, "item 2 does not wait for item 1's wait to end");
        longWait.SetResult();
        (await waiting.ReceiveAsync(Timeout)).Should().Be(1);
    }

    public void Dispose() => _rig.Dispose();
}
