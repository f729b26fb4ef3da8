// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {AuthorCoin} from "../../src/token/AuthorCoin.sol";
import {Base} from "../Base.t.sol";

contract StoryTimelockTest is Base {
    function test_RolesWiredLikeProduction() public view {
        bytes32 proposer = timelock.PROPOSER_ROLE();
        bytes32 executor = timelock.EXECUTOR_ROLE();
        bytes32 canceller = timelock.CANCELLER_ROLE();
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();

        assertEq(timelock.getMinDelay(), MIN_DELAY);

        assertTrue(timelock.hasRole(proposer, address(governor)));
        assertTrue(timelock.hasRole(executor, address(governor)));
        assertTrue(timelock.hasRole(canceller, address(governor)));

        assertTrue(timelock.hasRole(proposer, opsSafe));
        assertTrue(timelock.hasRole(executor, opsSafe));
        assertTrue(timelock.hasRole(canceller, opsSafe));

        assertTrue(timelock.hasRole(canceller, emergencySafe));
        assertFalse(timelock.hasRole(proposer, emergencySafe));
        assertFalse(timelock.hasRole(executor, emergencySafe));

        assertTrue(timelock.hasRole(admin, address(timelock)), "timelock administers itself");
        assertFalse(timelock.hasRole(admin, deployer), "deployer admin renounced");
        assertFalse(timelock.hasRole(executor, address(0)), "execution is not open");
    }

    function test_OpsSafeSchedulesAndExecutesAfterDelay() public {
        bytes memory data = abi.encodeCall(AuthorCoin.mint, (recipient, 1e18));
        (bytes32 id, bytes32 salt) = _scheduleViaTimelock(address(token), data);
        assertTrue(timelock.isOperationPending(id));
        assertEq(timelock.getTimestamp(id), block.timestamp + MIN_DELAY);

        vm.warp(block.timestamp + MIN_DELAY);
        vm.prank(opsSafe);
        timelock.execute(address(token), 0, data, bytes32(0), salt);
        assertTrue(timelock.isOperationDone(id));
        assertEq(token.balanceOf(recipient), 1e18);
    }

    function test_RevertWhen_ExecutedBeforeDelay() public {
        bytes memory data = abi.encodeCall(AuthorCoin.mint, (recipient, 1e18));
        (bytes32 id, bytes32 salt) = _scheduleViaTimelock(address(token), data);

        vm.warp(block.timestamp + MIN_DELAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                _stateBit(TimelockController.OperationState.Ready)
            )
        );
        vm.prank(opsSafe);
        timelock.execute(address(token), 0, data, bytes32(0), salt);
    }

    function test_RevertWhen_ScheduledBelowMinDelay() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockInsufficientDelay.selector, MIN_DELAY - 1, MIN_DELAY
            )
        );
        vm.prank(opsSafe);
        timelock.schedule(address(token), 0, "", bytes32(0), bytes32(0), MIN_DELAY - 1);
    }

    function test_RevertWhen_StrangerSchedules() public {
        _expectUnauthorized(stranger, timelock.PROPOSER_ROLE());
        vm.prank(stranger);
        timelock.schedule(address(token), 0, "", bytes32(0), bytes32(0), MIN_DELAY);
    }

    function test_RevertWhen_EmergencySchedules() public {
        _expectUnauthorized(emergencySafe, timelock.PROPOSER_ROLE());
        vm.prank(emergencySafe);
        timelock.schedule(address(token), 0, "", bytes32(0), bytes32(0), MIN_DELAY);
    }

    function test_RevertWhen_StrangerExecutes() public {
        bytes memory data = abi.encodeCall(AuthorCoin.mint, (recipient, 1e18));
        (, bytes32 salt) = _scheduleViaTimelock(address(token), data);
        vm.warp(block.timestamp + MIN_DELAY);

        _expectUnauthorized(stranger, timelock.EXECUTOR_ROLE());
        vm.prank(stranger);
        timelock.execute(address(token), 0, data, bytes32(0), salt);
    }

    function test_EmergencyCancelsScheduledOperation() public {
        (bytes32 id,) = _scheduleViaTimelock(address(token), abi.encodeCall(AuthorCoin.unpause, ()));
        vm.prank(emergencySafe);
        timelock.cancel(id);
        assertFalse(timelock.isOperation(id));
    }

    function test_OpsSafeCancelsScheduledOperation() public {
        (bytes32 id,) = _scheduleViaTimelock(address(token), abi.encodeCall(AuthorCoin.unpause, ()));
        vm.prank(opsSafe);
        timelock.cancel(id);
        assertFalse(timelock.isOperation(id));
    }

    function test_RevertWhen_StrangerCancels() public {
        (bytes32 id,) = _scheduleViaTimelock(address(token), abi.encodeCall(AuthorCoin.unpause, ()));
        _expectUnauthorized(stranger, timelock.CANCELLER_ROLE());
        vm.prank(stranger);
        timelock.cancel(id);
        assertTrue(timelock.isOperationPending(id));
    }

    function test_RevertWhen_CancelledOperationExecuted() public {
        bytes memory data = abi.encodeCall(AuthorCoin.mint, (recipient, 1e18));
        (bytes32 id, bytes32 salt) = _scheduleViaTimelock(address(token), data);
        vm.prank(emergencySafe);
        timelock.cancel(id);
        vm.warp(block.timestamp + MIN_DELAY);

        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                _stateBit(TimelockController.OperationState.Ready)
            )
        );
        vm.prank(opsSafe);
        timelock.execute(address(token), 0, data, bytes32(0), salt);
    }

    function test_RevertWhen_StrangerUpdatesDelay() public {
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, opsSafe)
        );
        vm.prank(opsSafe);
        timelock.updateDelay(0);
    }

    function test_TimelockUpdatesOwnDelay() public {
        _executeViaTimelock(address(timelock), 0, abi.encodeCall(timelock.updateDelay, (2 days)));
        assertEq(timelock.getMinDelay(), 2 days);
    }

    /// @dev TimelockController's expected-state bitmap for a single state.
    function _stateBit(TimelockController.OperationState state) internal pure returns (bytes32) {
        return bytes32(2 ** uint256(state));
    }

    function _expectUnauthorized(address account, bytes32 role) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, account, role
            )
        );
    }
}
