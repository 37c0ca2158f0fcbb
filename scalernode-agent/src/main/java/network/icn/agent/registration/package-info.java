/** Registration with placement and periodic heartbeats, with back-off when placement is away. */
package network.icn.agent.registration;
