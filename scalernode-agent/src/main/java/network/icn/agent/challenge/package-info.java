/** Answers availability challenges: reads the sampled leaves, proves them, signs the answer. */
package network.icn.agent.challenge;
