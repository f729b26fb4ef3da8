// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AuthorCoin} from "../../src/token/AuthorCoin.sol";
import {Treasury} from "../../src/treasury/Treasury.sol";
import {Base} from "../Base.t.sol";

contract StoryDAOTest is Base {
    function test_Settings() public view {
        assertEq(governor.name(), "StoryDAO");
        assertEq(governor.votingDelay(), VOTING_DELAY);
        assertEq(governor.votingPeriod(), VOTING_PERIOD);
        assertEq(governor.proposalThreshold(), PROPOSAL_THRESHOLD);
        assertEq(governor.quorumNumerator(), QUORUM_NUMERATOR);
        assertEq(governor.quorumDenominator(), 100);
        assertEq(governor.timelock(), address(timelock));
        assertEq(address(governor.token()), address(token));
        assertEq(governor.CLOCK_MODE(), "mode=blocknumber&from=default");
        assertEq(governor.clock(), block.number);
        assertEq(governor.COUNTING_MODE(), "support=bravo&quorum=for,abstain");
    }

    function test_QuorumIsFourPercentOfSupply() public view {
        assertEq(governor.quorum(block.number - 1), INITIAL_SUPPLY * 4 / 100);
    }

    function test_ProposalNeedsQueuing() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.unpause, ()));
        vm.prank(holder);
        uint256 proposalId = governor.propose(targets, values, calldatas, "needs queuing");
        assertTrue(governor.proposalNeedsQueuing(proposalId));
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Pending));
    }

    function test_FullCycleUnpausesToken() public {
        vm.prank(emergencySafe);
        token.pause();

        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.unpause, ()));
        string memory description = "Unpause AuthorCoin after incident";
        uint256 proposalId = _proposeAndPass(targets, values, calldatas, description);

        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Queued));
        assertEq(governor.proposalEta(proposalId), block.timestamp + MIN_DELAY);

        bytes32 timelockId = timelock.hashOperationBatch(
            targets, values, calldatas, 0, bytes32(bytes20(address(governor))) ^ descriptionHash
        );
        assertTrue(timelock.isOperationPending(timelockId), "queued on the timelock");

        vm.warp(block.timestamp + MIN_DELAY);
        governor.execute(targets, values, calldatas, descriptionHash);

        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Executed));
        assertTrue(timelock.isOperationDone(timelockId));
        assertFalse(token.paused());
    }

    function test_FullCycleTransfersTreasuryFunds() public {
        address[] memory targets = new address[](2);
        uint256[] memory values = new uint256[](2);
        bytes[] memory calldatas = new bytes[](2);
        targets[0] = address(treasury);
        calldatas[0] = abi.encodeCall(Treasury.withdrawETH, (payable(recipient), 3 ether));
        targets[1] = address(treasury);
        calldatas[1] =
            abi.encodeCall(Treasury.transferToken, (IERC20(address(token)), recipient, 1000e18));

        _executeViaGovernance(targets, values, calldatas, "Grant to recipient");

        assertEq(recipient.balance, 3 ether);
        assertEq(address(treasury).balance, TREASURY_ETH - 3 ether);
        assertEq(token.balanceOf(recipient), 1000e18);
        assertEq(token.balanceOf(address(treasury)), TREASURY_TOKENS - 1000e18);
        assertEq(treasury.withdrawalCount(), 2);
    }

    function test_RevertWhen_ExecutedBeforeTimelockDelay() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.mint, (recipient, 1)));
        string memory description = "Mint one wei";
        _proposeAndPass(targets, values, calldatas, description);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);

        vm.warp(block.timestamp + MIN_DELAY - 1);
        vm.expectPartialRevert(
            bytes4(keccak256("TimelockUnexpectedOperationState(bytes32,bytes32)"))
        );
        governor.execute(targets, values, calldatas, descriptionHash);
    }

    function test_RevertWhen_QueueingDefeatedProposal() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.mint, (holder, 1)));
        string memory description = "Defeated";
        vm.prank(holder);
        uint256 proposalId = governor.propose(targets, values, calldatas, description);
        vm.roll(block.number + VOTING_DELAY + 1);
        vm.prank(holder);
        governor.castVote(proposalId, 0);
        vm.roll(block.number + VOTING_PERIOD);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Defeated));

        vm.expectPartialRevert(IGovernor.GovernorUnexpectedProposalState.selector);
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
    }

    function test_ProposalWithoutQuorumIsDefeated() public {
        // 1% of supply votes For: below the 4% quorum.
        vm.prank(holder);
        assertTrue(token.transfer(stranger, INITIAL_SUPPLY / 100));
        vm.prank(stranger);
        token.delegate(stranger);
        vm.prank(holder);
        token.delegate(address(0xdead));
        vm.roll(block.number + 1);

        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.mint, (stranger, 1)));
        vm.prank(stranger);
        uint256 proposalId = governor.propose(targets, values, calldatas, "No quorum");
        vm.roll(block.number + VOTING_DELAY + 1);
        vm.prank(stranger);
        governor.castVote(proposalId, 1);
        vm.roll(block.number + VOTING_PERIOD);

        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_EmergencyCancelsQueuedProposal() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.mint, (holder, 1e18)));
        string memory description = "Suspicious mint";
        uint256 proposalId = _proposeAndPass(targets, values, calldatas, description);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);

        bytes32 timelockId = timelock.hashOperationBatch(
            targets, values, calldatas, 0, bytes32(bytes20(address(governor))) ^ descriptionHash
        );
        vm.prank(emergencySafe);
        timelock.cancel(timelockId);

        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Canceled));
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectPartialRevert(IGovernor.GovernorUnexpectedProposalState.selector);
        governor.execute(targets, values, calldatas, descriptionHash);
    }

    function test_RevertWhen_GovernanceSettingChangedDirectly() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, stranger));
        vm.prank(stranger);
        governor.updateQuorumNumerator(1);
    }

    function test_GovernanceChangesOwnSettings() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(governor), 0, abi.encodeCall(governor.setVotingPeriod, (100)));
        _executeViaGovernance(targets, values, calldatas, "Longer voting period");
        assertEq(governor.votingPeriod(), 100);
    }

    function test_RevertWhen_VotingTwice() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _single(address(token), 0, abi.encodeCall(AuthorCoin.mint, (holder, 1)));
        vm.prank(holder);
        uint256 proposalId = governor.propose(targets, values, calldatas, "Vote twice");
        vm.roll(block.number + VOTING_DELAY + 1);
        vm.startPrank(holder);
        governor.castVote(proposalId, 1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, holder));
        governor.castVote(proposalId, 1);
        vm.stopPrank();
    }
}
