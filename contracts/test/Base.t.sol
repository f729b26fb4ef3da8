// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test, Vm} from "forge-std/Test.sol";

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {StoryDAO} from "../src/governance/StoryDAO.sol";
import {StoryTimelock} from "../src/governance/StoryTimelock.sol";
import {AuthorCoin} from "../src/token/AuthorCoin.sol";
import {Treasury} from "../src/treasury/Treasury.sol";

/// @dev Deploys the whole StoryDAO system the way production does, then gives tests helpers to
/// act through the timelock (as the ops Safe) and through a full governance cycle.
abstract contract Base is Test {
    uint256 internal constant CAP = 1_000_000_000e18;
    uint256 internal constant INITIAL_SUPPLY = 100_000_000e18;
    uint256 internal constant MIN_DELAY = 1 days;
    uint48 internal constant VOTING_DELAY = 1;
    uint32 internal constant VOTING_PERIOD = 50;
    uint256 internal constant PROPOSAL_THRESHOLD = 0;
    uint256 internal constant QUORUM_NUMERATOR = 4;
    uint256 internal constant TREASURY_ETH = 100 ether;
    uint256 internal constant TREASURY_TOKENS = 10_000_000e18;

    address internal deployer = makeAddr("deployer");
    address internal opsSafe = makeAddr("opsSafe");
    address internal emergencySafe = makeAddr("emergencySafe");
    address internal holder = makeAddr("holder");
    address internal stranger = makeAddr("stranger");
    address internal recipient = makeAddr("recipient");

    StoryTimelock internal timelock;
    AuthorCoin internal tokenImpl;
    AuthorCoin internal token;
    StoryDAO internal governor;
    Treasury internal treasuryImpl;
    UpgradeableBeacon internal treasuryBeacon;
    Treasury internal treasury;

    uint256 private _saltNonce;

    function setUp() public virtual {
        vm.startPrank(deployer);

        // The timelock must name the governor as proposer/executor before the governor exists,
        // and the governor needs the token, which needs the timelock: predict the address.
        // Deploy order from here: timelock, token impl, token proxy, governor.
        address predictedGovernor = vm.computeCreateAddress(deployer, vm.getNonce(deployer) + 3);
        address[] memory proposers = new address[](2);
        proposers[0] = predictedGovernor;
        proposers[1] = opsSafe;
        address[] memory executors = new address[](2);
        executors[0] = predictedGovernor;
        executors[1] = opsSafe;
        timelock = new StoryTimelock(MIN_DELAY, proposers, executors, deployer);

        tokenImpl = new AuthorCoin();
        token = AuthorCoin(
            address(
                new ERC1967Proxy(
                    address(tokenImpl),
                    abi.encodeCall(
                        AuthorCoin.initialize,
                        (
                            "AuthorCoin",
                            "AUTH",
                            CAP,
                            address(timelock),
                            emergencySafe,
                            holder,
                            INITIAL_SUPPLY
                        )
                    )
                )
            )
        );

        governor = new StoryDAO(
            IVotes(address(token)),
            TimelockController(payable(address(timelock))),
            VOTING_DELAY,
            VOTING_PERIOD,
            PROPOSAL_THRESHOLD,
            QUORUM_NUMERATOR
        );
        assertEq(address(governor), predictedGovernor, "governor address prediction");

        timelock.grantRole(timelock.CANCELLER_ROLE(), emergencySafe);
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);

        treasuryImpl = new Treasury();
        treasuryBeacon = new UpgradeableBeacon(address(treasuryImpl), address(timelock));
        treasury = Treasury(
            payable(address(
                    new BeaconProxy(
                        address(treasuryBeacon),
                        abi.encodeCall(Treasury.initialize, (address(timelock)))
                    )
                ))
        );
        vm.stopPrank();

        vm.deal(address(treasury), TREASURY_ETH);
        vm.prank(holder);
        assertTrue(token.transfer(address(treasury), TREASURY_TOKENS));

        // Voting power needs a checkpoint strictly before a proposal's snapshot.
        vm.prank(holder);
        token.delegate(holder);
        vm.roll(block.number + 1);
    }

    /// @dev The ops Safe schedules one call on the timelock, waits out the delay and executes it.
    function _executeViaTimelock(address target, uint256 value, bytes memory data) internal {
        bytes32 salt = _nextSalt();
        vm.prank(opsSafe);
        timelock.schedule(target, value, data, bytes32(0), salt, MIN_DELAY);
        vm.warp(block.timestamp + MIN_DELAY);
        vm.prank(opsSafe);
        timelock.execute(target, value, data, bytes32(0), salt);
    }

    /// @dev Batch variant of {_executeViaTimelock}: the calls run atomically, in order.
    function _executeBatchViaTimelock(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory payloads
    ) internal {
        bytes32 salt = _nextSalt();
        vm.prank(opsSafe);
        timelock.scheduleBatch(targets, values, payloads, bytes32(0), salt, MIN_DELAY);
        vm.warp(block.timestamp + MIN_DELAY);
        vm.prank(opsSafe);
        timelock.executeBatch(targets, values, payloads, bytes32(0), salt);
    }

    /// @dev Schedules one call as the ops Safe without executing it; returns the operation id.
    function _scheduleViaTimelock(address target, bytes memory data)
        internal
        returns (bytes32 id, bytes32 salt)
    {
        salt = _nextSalt();
        vm.prank(opsSafe);
        timelock.schedule(target, 0, data, bytes32(0), salt, MIN_DELAY);
        id = timelock.hashOperation(target, 0, data, bytes32(0), salt);
    }

    /// @dev `holder` proposes, the proposal becomes active, `holder` votes For and voting ends.
    /// Returns the proposal id in state Succeeded (not yet queued).
    function _proposeAndPass(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal returns (uint256 proposalId) {
        vm.prank(holder);
        proposalId = governor.propose(targets, values, calldatas, description);
        vm.roll(block.number + VOTING_DELAY + 1);
        vm.prank(holder);
        governor.castVote(proposalId, 1);
        vm.roll(block.number + VOTING_PERIOD);
        assertEq(
            uint8(governor.state(proposalId)),
            uint8(IGovernor.ProposalState.Succeeded),
            "proposal should pass"
        );
    }

    /// @dev Full governance cycle: propose, vote, queue, wait the timelock delay, execute.
    function _executeViaGovernance(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal returns (uint256 proposalId) {
        proposalId = _proposeAndPass(targets, values, calldatas, description);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(block.timestamp + MIN_DELAY);
        governor.execute(targets, values, calldatas, descriptionHash);
        assertEq(
            uint8(governor.state(proposalId)),
            uint8(IGovernor.ProposalState.Executed),
            "proposal should be executed"
        );
    }

    /// @dev Wraps one call as the single-element arrays Governor and scheduleBatch take.
    function _single(address target, uint256 value, bytes memory data)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory payloads)
    {
        targets = new address[](1);
        targets[0] = target;
        values = new uint256[](1);
        values[0] = value;
        payloads = new bytes[](1);
        payloads[0] = data;
    }

    /// @dev True if `logs` holds an event from `emitter` with these first two topics.
    function _hasLog(Vm.Log[] memory logs, address emitter, bytes32 topic0, bytes32 topic1)
        internal
        pure
        returns (bool)
    {
        for (uint256 i = 0; i < logs.length; i++) {
            Vm.Log memory log = logs[i];
            if (
                log.emitter == emitter && log.topics.length > 1 && log.topics[0] == topic0
                    && log.topics[1] == topic1
            ) return true;
        }
        return false;
    }

    /// @dev Reads the ERC-1967 implementation slot of a proxy.
    function _implementationOf(address proxy) internal view returns (address) {
        bytes32 slot = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
        return address(uint160(uint256(vm.load(proxy, slot))));
    }

    /// @dev Reads `_initialized` from OpenZeppelin's ERC-7201 Initializable storage.
    function _initializedVersionOf(address proxy) internal view returns (uint64) {
        bytes32 slot = 0xf0c57e16840df040f15088dc2f81fe391c3923bec73e23a9662efc9c229c6a00;
        return uint64(uint256(vm.load(proxy, slot)));
    }

    function _nextSalt() private returns (bytes32) {
        return bytes32(++_saltNonce);
    }
}
