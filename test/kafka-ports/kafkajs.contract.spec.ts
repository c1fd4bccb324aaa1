import { KafkajsClient } from '../../libs/lambda-sink/src/kafka/kafkajs';
import { describeKafkaPortContract } from './support/port-contract';

describeKafkaPortContract('kafkajs', (settings) => new KafkajsClient(settings));
