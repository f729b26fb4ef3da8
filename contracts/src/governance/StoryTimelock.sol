// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title StoryTimelock
/// @notice The StoryDAO timelock: owns the token's admin roles, the treasury and the beacon.
/// @dev A plain OpenZeppelin TimelockController. Production wiring: proposers and executors are
/// the governor and the ops Safe, the emergency Safe gets CANCELLER_ROLE, and the deployer's
/// `admin` role is renounced once roles are set.
contract StoryTimelock is TimelockController {
    /// @param minDelay Initial minimum delay in seconds for operations.
    /// @param proposers Accounts granted PROPOSER_ROLE and CANCELLER_ROLE.
    /// @param executors Accounts granted EXECUTOR_ROLE (address(0) opens execution to anyone).
    /// @param admin Optional extra admin for initial setup; address(0) for none.
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}
}
